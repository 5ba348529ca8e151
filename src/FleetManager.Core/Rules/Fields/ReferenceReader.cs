using System.Text.RegularExpressions;
using FleetManager.Core.Model;

namespace FleetManager.Core.Rules.Fields;

/// <summary>
/// Reads the sender's order / booking / load number. Labels that say "number" (Auftragsnummer,
/// Order no., Nr zlecenia, Заявка №, Číslo objednávky, Megbízás száma, Angebots-ID ...) win over
/// document titles ("Transportauftrag 4471-26", "Ordine di carico LB-26/3312"); references that
/// belong to a loading slot, a pick-up, a gate or the recipient ("your ref") are skipped.
/// </summary>
public static partial class ReferenceReader
{
    private static readonly string[] LabelColumns =
    [
        "load no", "load number", "load id", "order no", "order number", "order id", "ref", "reference", "booking",
        "auftragsnummer", "auftrags-nr", "auftrag", "ladungsnr", "ladungs-nr", "referenz", "nr zlecenia", "numer zlecenia",
        "zlecenie", "n° commande", "n° ot", "reference commande", "ordine", "riferimento", "rif", "pedido", "referencia",
        "orden", "objednavka", "cislo objednavky", "megbizas", "rendeles", "comanda", "заявка", "поръчка", "uzsakymo nr",
        "siparis no", "offer id", "angebots-id", "angebot-nr", "oferta nr", "tour", "tour no", "shipment no",
    ];

    /// <summary>The reference labels of the language files ("ordrenr", "užsakymo nr", "tilausnumero"), folded, as whole labels.</summary>
    private static readonly HashSet<string> VocabularyLabels = new(
        Vocabularies.VocabularyCatalog.Folded("label.reference").Select(w => w.TrimEnd('.', ':', '#', ' ')), StringComparer.Ordinal);

    public static (string Value, TextSpan Span)? Read(FieldBlock block)
    {
        (string, TextSpan)? best = null;
        var bestRank = int.MaxValue;

        foreach (var field in block.Fields)
        {
            // A column of a load list ("Load no", "Auftrag") whose cell is the reference itself.
            var label = field.Label.TrimEnd('.', ':', '#', ' ');
            if (Array.IndexOf(LabelColumns, label) >= 0 || VocabularyLabels.Contains(label))
            {
                var value = Clean(block.Text.AsSpan(field.ValueStart, field.ValueLength).ToString());
                if (IsReference(value) && !value.Contains(' ', StringComparison.Ordinal))
                {
                    Offer(ref best, ref bestRank, value, 1, field.ValueStart, field.ValueLength, 0);
                }
            }
        }

        var text = block.TextToEnd;
        var span = block.Span;
        foreach (var (group, rank) in Groups)
        {
            // The patterns are tried best rank first and only a better rank replaces the candidate,
            // so once a candidate is held the remaining (worse) patterns cannot change the result.
            if (bestRank <= rank)
            {
                break;
            }

            // Every match lies in the block and holds one of its pattern's keywords; a pattern whose
            // keywords the block lacks has no match, so leaving it out gives the same leftmost matches.
            var patterns = new List<Regex>(group.Length);
            foreach (var (pattern, keywords) in group)
            {
                if (keywords.MayContain(span))
                {
                    patterns.Add(pattern);
                }
            }

            if (patterns.Count == 0)
            {
                continue;
            }

            foreach (var match in LeftmostMatches.Of(patterns, text, block.Start))
            {
                var value = Clean(match.Groups["v"].Value);
                if (!IsReference(value) || IsForeignReference(block.Text, match.Index)
                    || ReferenceEvidence.IsPostalCodeOfAPlace(block.Text, match.Groups["v"].Index, match.Groups["v"].Length))
                {
                    continue;
                }

                // The subject is a title, never more reliable than a labelled number in the body.
                var effectiveRank = rank;
                Offer(ref best, ref bestRank, value, effectiveRank, match.Groups["v"].Index, match.Groups["v"].Length, 0);
                break;
            }
        }

        // The language files' reference labels, then their document titles, then a code after a number sign or a
        // label word that says "number", then a slash number after a title, then a number after a title in the subject, then the subject's one code:
        // each only where the built-in patterns found nothing as strong.
        if (bestRank > 1 && ReferenceEvidence.AfterLabel(block) is { } labelled)
        {
            return labelled;
        }

        if (bestRank > 2 && ReferenceEvidence.AfterTitle(block) is { } titled)
        {
            return titled;
        }

        if (best is null && ReferenceEvidence.AfterNumberSign(block) is { } signed)
        {
            return signed;
        }

        if (best is null && ReferenceEvidence.SlashNumberAfterTitle(block) is { } numbered)
        {
            return numbered;
        }

        if (best is null && ReferenceEvidence.NumberAfterTitleInSubject(block) is { } titledNumber)
        {
            return titledNumber;
        }

        if (best is null && ReferenceEvidence.InSubject(block) is { } inSubject)
        {
            return inSubject;
        }

        return best;
    }

    /// <summary>True when the text before a reference label names someone else's reference (a loading slot, "your ref").</summary>
    internal static bool IsForeignContext(ReadOnlySpan<char> beforeLabel)
    {
        var from = Math.Max(0, beforeLabel.Length - 28);
        return ForeignContext().IsMatch(beforeLabel[from..]);
    }

    /// <summary>
    /// The pattern groups by rank, each pattern with keywords every one of its matches contains (for
    /// each alternative its most telling literal word, e.g. "zlecenia" of "nr zlecenia").
    /// </summary>
    private static readonly (Regex Pattern, KeywordSet Keywords)[][] PatternGroupsByRank =
    [
        [
            (NumberedEnglishGermanPolish(), new KeywordSet(
                "our", "booking", "order", "load", "po", "shipment", "offer", "auftrag", "bestell", "unsere", "angebot", "ladung",
                "sendung", "zlecenie", "zlecenia", "oferta", "zamówienia", "zamówienie", "oferty")),
            (NumberedFrenchItalianSpanish(), new KeywordSet(
                "n°", "nº", "ordre", "notre", "commande", "ordine", "nostro", "rif", "orden", "pedido", "referencia", "carga",
                "encomenda", "nuestra")),
            (NumberedDutchCzechHungarian(), new KeywordSet(
                "nummer", "opdracht", "onze", "číslo", "cislo", "objedn", "zakázka", "megbízás", "rendelés", "hivatkozási")),
            (NumberedRomanianBulgarianOther(), new KeywordSet(
                "comand", "заявка", "поръчка", "sakymo", "naročil", "sipariş", "referans")),
        ],
        [
            (TitledDocument(), new KeywordSet(
                "auftrag", "order", "booking", "zlecenie", "ordre", "ordine", "orden", "pedido", "objedn", "comand", "megbízás",
                "заявка", "поръчка", "sipariş", "užsakymas", "naročilo")),
            (TitledReferenceLabel(), new KeywordSet("ref", "réf", "rif", "реф")),
        ],
        [
            (TitledLoose(), new KeywordSet(
                "auftrag", "order", "zlecenie", "ordre", "ordine", "orden", "pedido", "objedn", "comand", "megbízás", "заявка",
                "поръчка")),
        ],
    ];

    private static readonly ((Regex Pattern, KeywordSet Keywords)[] Group, int Rank)[] Groups =
        [(PatternGroupsByRank[0], 1), (PatternGroupsByRank[1], 2), (PatternGroupsByRank[2], 3)];

    private static void Offer(ref (string, TextSpan)? best, ref int bestRank, string value, int rank, int start, int length, int unused)
    {
        _ = unused;
        if (rank < bestRank)
        {
            best = (value, new TextSpan(start, length));
            bestRank = rank;
        }
    }

    // A closing parenthesis is trimmed only when it closes nothing in the value ("(ref. 123)" → "123"), so a
    // reference such as "+SUM(1)" is kept as written: guarding is the sinks' job, not reading's.
    private static string Clean(string value)
    {
        var cleaned = value.Trim().TrimEnd('.', ',', ';', ':', '-', '–');
        while (cleaned.EndsWith(')') && cleaned.Count(c => c == ')') > cleaned.Count(c => c == '('))
        {
            cleaned = cleaned[..^1].TrimEnd('.', ',', ';', ':', '-', '–');
        }

        return cleaned;
    }

    /// <summary>A reference has a digit, is not a date, a time or a bare year, and is not just a short count.</summary>
    private static bool IsReference(string value)
        => value.Length >= 3 && value.Length <= 40 && value.Any(char.IsDigit) && !DateLike().IsMatch(value);

    /// <summary>References of a loading slot, pick-up, gate or of the recipient ("your ref", "Ihre Referenz").</summary>
    private static bool IsForeignReference(string text, int labelIndex)
    {
        var (lineStart, _) = QuantityReader.LineAround(text, labelIndex);
        var from = Math.Max(lineStart, labelIndex - 28);
        return ForeignContext().IsMatch(text.AsSpan(from, labelIndex - from));
    }

    private const string Value = @"(?<v>[\p{L}\p{N}](?:[\p{L}\p{N}/\-._]*[\p{L}\p{N}])?)";

    private const string Separator = @"\s*(?:[:#]|-\s|–\s)?\s*(?:(?:lautet|is|ist|est|è|es|je|to)\s+)?";

    // Labels that say "number" (rank 1) are the strongest evidence. One alternation split by language
    // into four patterns, matched together by LeftmostMatches exactly as the single alternation would
    // be (its source-generated matcher was so large that compiling it cost more CPU than using it).

    /// <summary>Number labels: English, German, Polish. A purchase order's "PO" only in capitals and before a digit ("PO 55120"): "PO Box", and the Polish "po" ("after"), are none.</summary>
    [GeneratedRegex(
        @"(?:\bour\s+ref(?:erence)?\.?(?:\s*(?:no\.?|number|nr\.?))?|\bbooking\s+(?:ref(?:erence)?|no|number|nr)\.?|\border\s+(?:no|number|nr|ref(?:erence)?|id)\.?|\bload\s+(?:no|number|id|ref)\.?|\bpo\s+(?:no|number)\.?|\b(?-i:PO)(?=\s*[:#]?\s*\d)|\bshipment\s+(?:no|number|id)\.?|\boffer\s+(?:id|no|number)\.?"
        + @"|\bauftrags?-?\s?(?:nummer|nr\.?)|\bauftrag\s+nr\.?|\b(?:transport|speditions|fracht|lade)auftrag\s+nr\.?|\bbestell-?\s?(?:nummer|nr\.?)|\bunsere\s+(?:referenz|ref\.?)|\bangebots?-?\s?(?:id|nr\.?|nummer)|\bladungs-?\s?(?:nr\.?|nummer|id)|\bsendungs-?\s?(?:nr\.?|nummer)"
        + @"|\bzlecenie(?:\s+transportowe)?\s+(?:nr|numer)\.?|\bnr\.?\s+zlecenia|\bnumer\s+zlecenia|\boferta\s+nr\.?|\bnr\.?\s+zamówienia|\bzamówienie\s+nr\.?|\bnr\.?\s+oferty"
        + @")" + Separator + Value,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberedEnglishGermanPolish();

    /// <summary>Number labels: French, Italian, Spanish and Portuguese.</summary>
    [GeneratedRegex(
        @"(?:\bn[°º]\s*(?:d['’]\s*)?(?:ot|ordre|commande|r[ée]f(?:[ée]rence)?|affr[èe]tement|dossier|de\s+commande)\b|\bordre\s+de\s+transport\s+n[°º]|\bnotre\s+r[ée]f(?:[ée]rence)?\.?|\bcommande\s+n[°º]"
        + @"|\bordine(?:\s+di\s+(?:carico|trasporto|ritiro))?\s*(?:n\.|nr\.?|numero|n[°º]|n\b)|\bnostro\s+riferimento|\bns\.?\s+rif\.?|\bnumero\s+ordine"
        + @"|\bn[ºo°]\.?\s*(?:de\s+)?(?:orden|pedido|referencia|carga|encomenda)\b|\bnuestra\s+ref(?:erencia)?\.?|\bpedido\s+n[ºo°]\.?|\bencomenda\s+n[ºo°]"
        + @")" + Separator + Value,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberedFrenchItalianSpanish();

    /// <summary>Number labels: Dutch, Czech and Slovak, Hungarian.</summary>
    [GeneratedRegex(
        @"(?:\border\s*nummer|\bopdracht\s*(?:nummer|nr\.?)|\bboekingsnummer|\bonze\s+ref(?:erentie)?\.?"
        + @"|\bčíslo\s+(?:objednávky|zakázky|přepravy)|\bcislo\s+objednavky|\bobjedn[aá]vk[ay](?:\s+p[řr]epravy|\s+prepravy)?\s*(?:č\.|c\.|číslo)|\bzakázka\s+č\.?|\bč\.\s*objednávky"
        + @"|\bmegbízás\s+száma|\bmegbízásszám|\bmegrendelés\s*szám\w*|\brendelésszám|\bfuvarmegbízás\s+szám\w*|\bhivatkozási\s+szám"
        + @")" + Separator + Value,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberedDutchCzechHungarian();

    /// <summary>Number labels: Romanian, Bulgarian, Lithuanian, Slovenian, Turkish.</summary>
    [GeneratedRegex(
        @"(?:\bcomand[aăã](?:\s+de\s+transport)?\s*(?:nr\.?|număr|no\.?)|\bref\.?\s+comand[aăã]|\bnr\.?\s+comand[aăã]|\bnumăr\s+comand[aăã]"
        + @"|\bзаявка(?:\s+за\s+(?:превоз|транспорт))?\s*№|\bпоръчка(?:\s+за\s+(?:превоз|транспорт))?\s*№|\bномер\s+на\s+(?:заявка|поръчка)"
        + @"|\buž?sakymo\s+nr\.?|\bnr\.?\s+už?sakymo|\bnaročil[oa]\s+(?:št\.?|nr\.?)|\bšt\.\s+naročila|\bsipariş\s+no|\breferans\s+no"
        + @")" + Separator + Value,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberedRomanianBulgarianOther();

    // Document titles, then bare reference labels ("Transportauftrag 4471-26", "Ref. X", "Rif. X")
    // (rank 2): one alternation in two patterns, matched together by LeftmostMatches.

    /// <summary>Document titles ("Transportauftrag 4471-26", "Zlecenie transportowe 1234").</summary>
    [GeneratedRegex(
        @"(?:\b(?:transport|speditions|fracht|lade)?auftrag\b|\btransport\s+order\b|\bbooking\b|\bzlecenie(?:\s+transportowe)?\b|\bordre\s+de\s+transport\b|\bordine(?:\s+di\s+(?:carico|trasporto))?\b|\borden\s+de\s+carga\b|\bpedido\b|\bobjedn[aá]vk[ay]\b|\bcomand[aăã](?:\s+de\s+transport)?\b|\bfuvarmegbízás\b|\bmegbízás\b|\bзаявка(?:\s+за\s+(?:превоз|транспорт))?\b|\bпоръчка\b|\bsipariş\b|\bužsakymas\b|\bnaročilo\b)" + Separator + Value,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitledDocument();

    /// <summary>Bare reference labels ("Ref. X", "Rif. X", "Referenz X").</summary>
    [GeneratedRegex(
        @"(?:\bref(?:erence)?\b\.?|\bréf(?:érence)?\b\.?|\brif\b\.?|\briferimento\b|\breferencia\b|\breferenz\b|\bреф\b\.?)" + Separator + Value,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitledReferenceLabel();

    /// <summary>A document title with up to two words before the number ("Objednávka přepravy č. VS-2026/0917").</summary>
    [GeneratedRegex(
        @"(?:\b(?:transport|speditions|fracht)?auftrag\b|\btransport\s+order\b|\bzlecenie\b|\bordre\b|\bordine\b|\borden\b|\bpedido\b|\bobjedn[aá]vk[ay]\b|\bcomand[aăã]\b|\bmegbízás\b|\bзаявка\b|\bпоръчка\b)(?:\s+[^\s\d]{1,12}){1,2}\s+" + Value,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitledLoose();

    [GeneratedRegex(@"^(?:(?:0?[1-9]|[12]\d|3[01])[./-](?:0?[1-9]|1[0-2])(?:[./-](?:\d{2}|(?:19|20)\d{2}))?\.?|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}|(?:19|20)\d{2}|\d{1,2})$")]
    private static partial Regex DateLike();

    [GeneratedRegex(@"(?:lade|load(?:ing)?|pick[\s-]?up|collection|gate|tor\b|rampe|ramp|dock|recogida|ritiro|carico|załad|zalad|nakl|felrak|încărc|товарен|slot|your|ihre?|votre|vostr[oa]|vuestr[oa]|va\b|vs\.|su\b|wasz\w*|vaš\w*|ön|вашата|pin|kunden|customer|client|kred|account|konto|rechnung|invoice|fattura|facture|faktur)\W*(?:\w+\W+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForeignContext();
}
