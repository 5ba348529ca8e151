using System.Text.RegularExpressions;
using FleetManager.Core.Model;
using FleetManager.Core.Rules.Vocabularies;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Fields;

/// <summary>
/// Decides whether the order is dangerous goods: true for a UN number, an ADR class or an
/// affirmed ADR / Gefahrgut / dangerous-goods mention; false when the mail says it is not
/// ("non ADR", "kein Gefahrgut", "ADR: nein", "non-hazardous", "bez ADR", "Merce non pericolosa");
/// null when it says nothing. A UN number outweighs a stray negation elsewhere.
/// </summary>
public static partial class AdrReader
{
    public static (bool Value, TextSpan Span)? Read(FieldBlock block)
    {
        // Labelled answers first: "ADR: nein", "Gefahrgut   nein", "Dangerous goods: No", a CSV "ADR" column.
        (bool, TextSpan)? labelled = null;
        var unreadAnswer = false;
        foreach (var field in block.Fields)
        {
            if (!field.LabelStartsWith(FieldLabels.Adr))
            {
                continue;
            }

            var value = block.Text.AsSpan(field.ValueStart, field.ValueLength);
            if (UnNumber().IsMatch(value) || Affirmative().IsMatch(value))
            {
                return (true, new TextSpan(field.ValueStart, field.ValueLength));
            }

            if (Negative().IsMatch(value) || StartsWithAnswer(value, VocabularyMatchers.No))
            {
                labelled ??= (false, new TextSpan(field.ValueStart, field.ValueLength));
            }
            else if (StartsWithAnswer(value, VocabularyMatchers.Yes))
            {
                return (true, new TextSpan(field.ValueStart, field.ValueLength));
            }
            else
            {
                unreadAnswer |= IsOneWordAnswer(value);
            }
        }

        var text = block.TextToEnd;
        var un = UnNumber().Match(text, block.Start);
        if (un.Success)
        {
            return (true, new TextSpan(un.Index, un.Length));
        }

        if (labelled is not null)
        {
            return labelled;
        }

        // A negation of any language of the vocabulary files ("ej ADR", "ei vaarallista", "nav bīstama
        // krava", "Μη επικίνδυνο") before the affirmations: most of them hold the word they negate.
        if (DataNegation(block) is { } dataNegation)
        {
            return dataNegation;
        }

        // "Ingen av sendingene er farlig gods": a negation word of the files earlier in the same clause.
        if (AdrClauseNegation.Read(block) is { } clauseNegation)
        {
            return clauseNegation;
        }

        // "ADR: jo", "ADR: нет" in a language no file has: an answer this cannot read. The label itself would be read as a
        // mention below and turn a "no" into dangerous goods; better to say nothing.
        if (unreadAnswer)
        {
            return null;
        }

        // Both remaining patterns need a dangerous-goods word in the block; most blocks have none.
        if (!DangerWords.MayContain(block.Span))
        {
            return DataMention(block);
        }

        var negated = Negated().Match(text, block.Start);
        if (negated.Success)
        {
            return (false, new TextSpan(negated.Index, negated.Length));
        }

        var mention = Mention().Match(text, block.Start);
        return mention.Success ? (true, new TextSpan(mention.Index, mention.Length)) : DataMention(block);
    }

    /// <summary>A labelled value that starts with one of the answer words ("ei", "nej", "ne", "όχι"; "jah", "kyllä").</summary>
    private static bool StartsWithAnswer(ReadOnlySpan<char> value, PhraseSet answers)
    {
        var folded = TextFold.Fold(value.Trim());
        return answers.Find(folded, out _) == 0;
    }

    /// <summary>A labelled value that is one short word and nothing else: an answer ("jo", "нет", "nee"), not a class or a description.</summary>
    private static bool IsOneWordAnswer(ReadOnlySpan<char> value)
    {
        var word = value.Trim().TrimEnd(".!;,");
        if (word.Length is 0 or > 6)
        {
            return false;
        }

        foreach (var c in word)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static (bool Value, TextSpan Span)? DataNegation(FieldBlock block)
    {
        var folded = block.Folded;
        var at = VocabularyMatchers.AdrNegation.Find(folded, out var length);
        return at < 0 ? null : (false, SpanOf(block, folded, at, length));
    }

    private static (bool Value, TextSpan Span)? DataMention(FieldBlock block)
    {
        var folded = block.Folded;
        var at = VocabularyMatchers.AdrDangerous.Find(folded, out var length);
        return at < 0 ? null : (true, SpanOf(block, folded, at, length));
    }

    /// <summary>Where a match in the folded block lies in the text: exact when folding kept the length, else the block.</summary>
    private static TextSpan SpanOf(FieldBlock block, string folded, int at, int length)
        => folded.Length == block.Span.Length ? new TextSpan(block.Start + at, length) : new TextSpan(block.Start, block.Span.Length);

    /// <summary>
    /// A word every <see cref="Negated"/> and every <see cref="Mention"/> match contains (for each
    /// alternative its dangerous-goods word: "ADR", "Gefahrgut", "pericolos" of "merce pericolosa" ...).
    /// </summary>
    private static readonly KeywordSet DangerWords = new(
        "adr", "gefahrgut", "hazardous", "dangerous", "dangereuse", "pericolos", "peligros", "veszélyes", "nebezpečn",
        "niebezpieczn", "опасен", "опасна", "опасни", "gevaarlijk", "pavojing", "tehlikeli", "nepericulo", "periculoase");

    [GeneratedRegex(@"\bUN[\s-]?\d{4}\b|\bADR\s*(?:kl\.?|klasse|class|clasa|klasa|třída|osztály|клас)\s*\d|\b(?:klasse|class|klasa|classe|clase|třída|clasa|клас)\s*[2-9](?:\.\d)?\b(?=[^\n]{0,40}(?:UN|ADR|VG|PG|packing))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnNumber();

    [GeneratedRegex(@"^\s*(?:yes|ja|tak|oui|sì|si|sí|sim|ano|áno|igen|da|да|evet|taip)\b|^\s*(?:kl\.?|klasse|class|klasa)\s*\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Affirmative();

    [GeneratedRegex(@"^\s*(?:no|nein|nie|non|ne|nu|não|nao|nem|не|hayır|hayir|ne|n|-|—|–|keine?s?|none|brak|nincs|false|0)\b|^\s*-\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negative();

    [GeneratedRegex(@"(?:\b(?:non|not|nicht|kein(?:e|)|no|geen|bez|nie|sin|senza|без|nu|nem|ne|não|nejedná\s+se\s+o)[\s\-]+(?:ist\s+|is\s+|jest\s+|e\s+|е\s+|es\s+)?(?:ein\s+)?(?:ADR|Gefahrgut|hazardous|dangerous|dangereuses?|pericolos[ao]|peligros[ao]s?|veszélyes|nebezpečn\w*|niebezpieczn\w*|опасен|опасна|опасни|gevaarlijk\w*|pavojing\w*|tehlikeli)|\bnon-?hazardous\b|\bnepericulo\w*|\bnepericuloas\w*|\bне\s+е\s+(?:ADR|опасен)|\bnon-?ADR\b|\bADR\s*[:\-]?\s*(?:no|nein|nie|ne|nu|não|nem|не)\b|\bGefahrgut\s*[:\-]?\s*(?:nein|kein)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negated();

    [GeneratedRegex(@"\bADR\b|\bGefahrgut\w*|\bdangerous\s+goods\b|\bhazardous\b|\bmati[èe]res?\s+dangereuses\b|\bmerc[ei]\s+pericolos[ae]\b|\bmercanc[íi]as?\s+peligrosas?\b|\btowar(?:y)?\s+niebezpieczn\w*|\bnebezpečn[éý]\s+(?:zboží|věci)|\bveszélyes\s+áru\b|\bmărfuri\s+periculoase\b|\bопасни\s+товари\b|\bgevaarlijke\s+stoffen\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Mention();
}
