using System.Text.RegularExpressions;
using FleetManager.Core.Rules;
using FleetManager.Core.Rules.Classifying;

namespace FleetManager.Core.Tests.Rules.Classifying;

public sealed class ClassificationPrechecksTests
{
    private const RegexOptions VocabularyOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>A phrase for every alternative of each pre-checked pattern.</summary>
    public static TheoryData<string, string> AlternativePhrases() => new()
    {
        { nameof(ClassificationVocabulary.AutoReplyBody), "I am out of the office until Monday" },
        { nameof(ClassificationVocabulary.AutoReplyBody), "ich bin nicht im Büro" },
        { nameof(ClassificationVocabulary.AutoReplyBody), "ich bin bis Freitag abwesend" },
        { nameof(ClassificationVocabulary.AutoReplyBody), "Ich bin vom 3. bis 5. im Urlaub" },
        { nameof(ClassificationVocabulary.AutoReplyBody), "sarò assente fino a lunedì" },
        { nameof(ClassificationVocabulary.AutoReplyBody), "je suis absent" },
        { nameof(ClassificationVocabulary.AutoReplyBody), "estaré fuera" },
        { nameof(ClassificationVocabulary.AutoReplyBody), "jestem nieobecny" },
        { nameof(ClassificationVocabulary.AutoReplyBody), "będę nieobecna" },
        { nameof(ClassificationVocabulary.AutoReplyBody), "nejsem v kanceláři" },
        { nameof(ClassificationVocabulary.AutoReplyBody), "budu nepřítomna" },
        { nameof(ClassificationVocabulary.AutoReplyBody), "házon kívül vagyok" },
        { nameof(ClassificationVocabulary.AutoReplyBody), "nu sunt la birou" },
        { nameof(ClassificationVocabulary.AutoReplyBody), "Отсъствам до понеделник" },
        { nameof(ClassificationVocabulary.AutoReplyBody), "извън офиса съм" },
        { nameof(ClassificationVocabulary.AutoReplyBody), "ik ben afwezig" },
        { nameof(ClassificationVocabulary.CalendarInvite), "Invitation: Planning" },
        { nameof(ClassificationVocabulary.CalendarInvite), "Updated invitation: Planning" },
        { nameof(ClassificationVocabulary.CalendarInvite), "Einladung: Planung" },
        { nameof(ClassificationVocabulary.CalendarInvite), "Aktualisierte Einladung: Planung" },
        { nameof(ClassificationVocabulary.CalendarInvite), "Zaproszenie: spotkanie" },
        { nameof(ClassificationVocabulary.CalendarInvite), "Invitación: reunión" },
        { nameof(ClassificationVocabulary.CalendarInvite), "Invito: riunione" },
        { nameof(ClassificationVocabulary.CalendarInvite), "Convocation : réunion" },
        { nameof(ClassificationVocabulary.CalendarInvite), "Pozvánka: schůzka" },
        { nameof(ClassificationVocabulary.CalendarInvite), "Meghívó: megbeszélés" },
        { nameof(ClassificationVocabulary.CalendarInvite), "Invitație: ședință" },
        { nameof(ClassificationVocabulary.CalendarInvite), "Покана: среща" },
        { nameof(ClassificationVocabulary.CalendarInvite), "Uitnodiging: overleg" },
        { nameof(ClassificationVocabulary.CalendarInvite), "Davet: toplantı" },
        { nameof(ClassificationVocabulary.CalendarInvite), "Hello, you have been invited to a meeting" },
        { nameof(ClassificationVocabulary.CalendarInvite), "Hallo, Sie wurden eingeladen" },
        { nameof(ClassificationVocabulary.Phishing), "please verify your account" },
        { nameof(ClassificationVocabulary.Phishing), "your account suspended" },
        { nameof(ClassificationVocabulary.Phishing), "bestätigen Sie bitte Ihr Konto" },
        { nameof(ClassificationVocabulary.Phishing), "Ihr Konto wird deaktiviert" },
        { nameof(ClassificationVocabulary.Phishing), "Speicherlimit erreicht" },
        { nameof(ClassificationVocabulary.Phishing), "Speicherplatz erweitern" },
        { nameof(ClassificationVocabulary.Phishing), "your mailbox is full" },
        { nameof(ClassificationVocabulary.Phishing), "password expires today" },
        { nameof(ClassificationVocabulary.Phishing), "Ihr Passwort läuft ab" },
        { nameof(ClassificationVocabulary.Phishing), "unusual sign-in activity" },
        { nameof(ClassificationVocabulary.Phishing), "zweryfikuj konto" },
        { nameof(ClassificationVocabulary.Phishing), "potwierdź konto" },
        { nameof(ClassificationVocabulary.Phishing), "click here to release" },
        { nameof(ClassificationVocabulary.Phishing), "vérifiez votre compte" },
        { nameof(ClassificationVocabulary.Phishing), "verifica il tuo account" },
        { nameof(ClassificationVocabulary.Newsletter), "unsubscribe here" },
        { nameof(ClassificationVocabulary.Newsletter), "hier abmelden" },
        { nameof(ClassificationVocabulary.Newsletter), "abbestellen" },
        { nameof(ClassificationVocabulary.Newsletter), "our newsletter" },
        { nameof(ClassificationVocabulary.Newsletter), "wypisz się" },
        { nameof(ClassificationVocabulary.Newsletter), "wypisać" },
        { nameof(ClassificationVocabulary.Newsletter), "zrezygnuj z subskrypcji" },
        { nameof(ClassificationVocabulary.Newsletter), "se désabonner" },
        { nameof(ClassificationVocabulary.Newsletter), "désinscription" },
        { nameof(ClassificationVocabulary.Newsletter), "disiscriviti" },
        { nameof(ClassificationVocabulary.Newsletter), "cancella iscrizione" },
        { nameof(ClassificationVocabulary.Newsletter), "darse de baja" },
        { nameof(ClassificationVocabulary.Newsletter), "cancelar suscripción" },
        { nameof(ClassificationVocabulary.Newsletter), "afmelden" },
        { nameof(ClassificationVocabulary.Newsletter), "odhlásit" },
        { nameof(ClassificationVocabulary.Newsletter), "leiratkozás" },
        { nameof(ClassificationVocabulary.Newsletter), "dezabonare" },
        { nameof(ClassificationVocabulary.Newsletter), "отписване" },
        { nameof(ClassificationVocabulary.Newsletter), "abonelikten çık" },
        { nameof(ClassificationVocabulary.Newsletter), "view in your browser" },
        { nameof(ClassificationVocabulary.Newsletter), "im Browser ansehen" },
        { nameof(ClassificationVocabulary.Newsletter), "zobacz w przeglądarce" },
        { nameof(ClassificationVocabulary.Newsletter), "join our webinar" },
        { nameof(ClassificationVocabulary.InvoiceWord), "invoices" },
        { nameof(ClassificationVocabulary.InvoiceWord), "Faktura" },
        { nameof(ClassificationVocabulary.InvoiceWord), "Rechnung" },
        { nameof(ClassificationVocabulary.InvoiceWord), "Sammelrechnung" },
        { nameof(ClassificationVocabulary.InvoiceWord), "facture" },
        { nameof(ClassificationVocabulary.InvoiceWord), "fattura" },
        { nameof(ClassificationVocabulary.InvoiceWord), "factura" },
        { nameof(ClassificationVocabulary.InvoiceWord), "factuur" },
        { nameof(ClassificationVocabulary.InvoiceWord), "facturen" },
        { nameof(ClassificationVocabulary.InvoiceWord), "számla" },
        { nameof(ClassificationVocabulary.InvoiceWord), "фактура" },
        { nameof(ClassificationVocabulary.InvoiceWord), "fatura" },
        { nameof(ClassificationVocabulary.InvoiceWord), "sąskaita" },
        { nameof(ClassificationVocabulary.InvoiceWord), "račun" },
        { nameof(ClassificationVocabulary.InvoiceWord), "credit note" },
        { nameof(ClassificationVocabulary.InvoiceWord), "Gutschrift" },
        { nameof(ClassificationVocabulary.InvoiceWord), "nota di credito" },
        { nameof(ClassificationVocabulary.InvoiceWord), "nota de crédito" },
        { nameof(ClassificationVocabulary.InvoiceWord), "avoir" },
        { nameof(ClassificationVocabulary.InvoiceWord), "creditnota" },
        { nameof(ClassificationVocabulary.InvoiceWord), "dobropis" },
        { nameof(ClassificationVocabulary.InvoiceWord), "korekta" },
        { nameof(ClassificationVocabulary.InvoiceWord), "payment reminder" },
        { nameof(ClassificationVocabulary.InvoiceWord), "Zahlungserinnerung" },
        { nameof(ClassificationVocabulary.InvoiceWord), "Mahnung" },
        { nameof(ClassificationVocabulary.InvoiceWord), "przypomnienie o płatności" },
        { nameof(ClassificationVocabulary.InvoiceWord), "wezwanie do zapłaty" },
        { nameof(ClassificationVocabulary.InvoiceWord), "rappel de paiement" },
        { nameof(ClassificationVocabulary.InvoiceWord), "relance de paiement" },
        { nameof(ClassificationVocabulary.InvoiceWord), "sollecito di pagamento" },
        { nameof(ClassificationVocabulary.InvoiceWord), "recordatorio de pago" },
        { nameof(ClassificationVocabulary.InvoiceWord), "betalingsherinnering" },
        { nameof(ClassificationVocabulary.InvoiceWord), "upomínka" },
        { nameof(ClassificationVocabulary.InvoiceWord), "fizetési emlékeztető" },
        { nameof(ClassificationVocabulary.InvoiceWord), "somație" },
        { nameof(ClassificationVocabulary.InvoiceWord), "напомняне за плащане" },
        { nameof(ClassificationVocabulary.InvoiceWord), "statement of account" },
        { nameof(ClassificationVocabulary.InvoiceWord), "Kontoauszug" },
        { nameof(ClassificationVocabulary.InvoiceWord), "rekeningoverzicht" },
        { nameof(ClassificationVocabulary.InvoiceWord), "Saldenbestätigung" },
        { nameof(ClassificationVocabulary.InvoiceWord), "relevé de compte" },
        { nameof(ClassificationVocabulary.InvoiceWord), "estratto conto" },
        { nameof(ClassificationVocabulary.InvoiceWord), "extracto de cuenta" },
        { nameof(ClassificationVocabulary.InvoiceWord), "wyciąg" },
        { nameof(ClassificationVocabulary.InvoiceWord), "výpis z účtu" },
        { nameof(ClassificationVocabulary.InvoiceWord), "Tankkartenabrechnung" },
        { nameof(ClassificationVocabulary.InvoiceWord), "rozliczenie" },
        { nameof(ClassificationVocabulary.InvoiceWord), "извлечение" },
    };

    [Theory]
    [MemberData(nameof(AlternativePhrases))]
    public void MayMatch_PhraseOfEveryAlternative_IsPassedOnToThePattern(string pattern, string phrase)
    {
        var (regex, precheck) = Pair(pattern);

        Assert.True(regex.IsMatch(phrase), $"the example does not exercise {pattern}");
        Assert.True(precheck.MayMatch(phrase));
        Assert.True(precheck.MayMatch(phrase.ToUpperInvariant()));
    }

    [Fact]
    public void MayMatch_OrderWithoutAnyWord_SkipsThePatterns()
    {
        const string order = "Beladestelle: 80331 Muenchen\nEntladestelle: 00-001 Warszawa\n24 Europaletten, 18.000 kg, Plane\nPreis: 1.200 EUR";

        Assert.All(AllPrechecks(), p => Assert.False(p.MayMatch(order)));
    }

    [Fact]
    public void MayMatch_KelvinSignForK_IsPassedOnToThePattern()
    {
        // Case-insensitive regex matching equates "k" with the Kelvin sign; ordinal search does not.
        Assert.Matches(ClassificationVocabulary.InvoiceWord(), "\u212Aontoauszug");
        Assert.True(ClassificationPrechecks.InvoiceWord.MayMatch("\u212Aontoauszug"));
    }

    [Fact]
    public void Words_EveryCaseEquivalentOfTheirLetters_IsFound()
    {
        var letters = AllPrechecks().SelectMany(p => p.Words).SelectMany(w => w).Select(char.ToLowerInvariant).Distinct();
        foreach (var letter in letters)
        {
            foreach (var equivalent in CaseEquivalents(letter))
            {
                foreach (var precheck in AllPrechecks())
                {
                    foreach (var word in precheck.Words.Where(w => w.Contains(letter, StringComparison.OrdinalIgnoreCase)))
                    {
                        var spelling = string.Concat(word.Select(c => char.ToLowerInvariant(c) == letter ? equivalent : c));
                        Assert.True(precheck.MayMatch("(" + spelling + ")"), $"'{spelling}' (U+{(int)equivalent:X4} for '{letter}') is not found");
                    }
                }
            }
        }
    }

    [Fact]
    public void Anchors_HoldEveryCaseEquivalentOfTheirLetters()
    {
        foreach (var precheck in AllPrechecks())
        {
            // The Kelvin sign stands in for "k" itself, which the words find.
            foreach (var anchor in precheck.Anchors.Where(a => a != '\u212A'))
            {
                Assert.All(CaseEquivalents(anchor), e => Assert.Contains(e, precheck.Anchors));
            }
        }
    }

    [Fact]
    public void Constructor_NonAsciiWord_Throws()
        => Assert.Throws<ArgumentException>(() => new KeywordPrecheck(["büro"]));

    private static (Regex Regex, KeywordPrecheck Precheck) Pair(string pattern) => pattern switch
    {
        nameof(ClassificationVocabulary.AutoReplyBody) => (ClassificationVocabulary.AutoReplyBody(), ClassificationPrechecks.AutoReplyBody),
        nameof(ClassificationVocabulary.CalendarInvite) => (ClassificationVocabulary.CalendarInvite(), ClassificationPrechecks.CalendarInvite),
        nameof(ClassificationVocabulary.Phishing) => (ClassificationVocabulary.Phishing(), ClassificationPrechecks.Phishing),
        nameof(ClassificationVocabulary.Newsletter) => (ClassificationVocabulary.Newsletter(), ClassificationPrechecks.Newsletter),
        nameof(ClassificationVocabulary.InvoiceWord) => (ClassificationVocabulary.InvoiceWord(), ClassificationPrechecks.InvoiceWord),
        _ => throw new ArgumentOutOfRangeException(nameof(pattern)),
    };

    private static KeywordPrecheck[] AllPrechecks() =>
    [
        ClassificationPrechecks.AutoReplyBody, ClassificationPrechecks.CalendarInvite, ClassificationPrechecks.Phishing,
        ClassificationPrechecks.Newsletter, ClassificationPrechecks.InvoiceWord,
    ];

    /// <summary>Every UTF-16 character a case-insensitive vocabulary pattern matches for <paramref name="letter"/>.</summary>
    private static List<char> CaseEquivalents(char letter)
    {
        var single = new Regex("^" + Regex.Escape(letter.ToString()) + "$", VocabularyOptions);
        var result = new List<char>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (!char.IsSurrogate((char)c) && single.IsMatch(((char)c).ToString()))
            {
                result.Add((char)c);
            }
        }

        return result;
    }
}
