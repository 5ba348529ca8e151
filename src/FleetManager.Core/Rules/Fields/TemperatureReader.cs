using System.Buffers;
using System.Text.RegularExpressions;
using FleetManager.Core.Model;
using FleetManager.Core.Rules.Vocabularies;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Fields;

/// <summary>
/// Reads the required cargo temperature range: "+2/+8 °C", "2-8°C", "-18 °C", "Temp: 4 °C",
/// "+15 / +25 °C", and "between +2 and +8 °C" with the connecting word of any vocabulary language
/// ("mellem +2 og +8", "+2 tot +4", "μεταξύ +2 και +8", "între +2 și +8", "0 ... +4"). A single value sets both bounds. A value on a temperature-labelled line wins over
/// one elsewhere (a pre-cooling instruction further on does not override the range). The degree written as a word of
/// any language file (<c>unit.degree</c>: "+6 graden", "-18 stopni", "+2 - +4 astetta") counts as the sign does.
/// </summary>
public static partial class TemperatureReader
{
    public static (decimal Min, decimal Max, TextSpan Span)? Read(FieldBlock block)
    {
        var degreeWords = DegreeWords.Count > 0 && DegreeWords.IsIn(block.Folded);
        foreach (var field in block.Fields)
        {
            if (field.LabelStartsWith(FieldLabels.Temperature)
                && (Find(block.Text, field.ValueStart, field.ValueEnd) ?? (degreeWords ? FindWithDegreeWord(block.Text, field.ValueStart, field.ValueEnd, labelled: true) : null)) is { } labelled)
            {
                return labelled;
            }
        }

        return Find(block.Text, block.Start, block.End) ?? (degreeWords ? FindWithDegreeWord(block.Text, block.Start, block.End, labelled: false) : null);
    }

    /// <summary>The language files' words for "degrees" (<c>unit.degree</c>), folded.</summary>
    private static readonly PhraseSet DegreeWords = PhraseSet.Of("unit.degree");

    private static readonly HashSet<string> DegreeWordSet = new(VocabularyCatalog.Folded("unit.degree"), StringComparer.Ordinal);

    /// <summary>
    /// A value or a range followed by a degree word ("+6 graden", "tussen +2 en +6 graden"). A single value needs its sign
    /// (or a temperature label): "2 stupně" alone may be a grade of something else.
    /// </summary>
    private static (decimal Min, decimal Max, TextSpan Span)? FindWithDegreeWord(string text, int start, int end, bool labelled)
    {
        for (var m = ValueBeforeWord().Match(text, start, end - start); m.Success; m = m.NextMatch())
        {
            if (!DegreeWordSet.Contains(TextFold.Fold(m.Groups["w"].ValueSpan)) || Parse(m.Groups["a"].Value) is not { } a)
            {
                continue;
            }

            if (m.Groups["b"].Success)
            {
                if (Parse(m.Groups["b"].Value) is { } b)
                {
                    return (Math.Min(a, b), Math.Max(a, b), new TextSpan(m.Index, m.Length));
                }
            }
            else if (labelled || m.Groups["a"].Value[0] is '+' or '-' or '−' or '–')
            {
                return (a, a, new TextSpan(m.Index, m.Length));
            }
        }

        return null;
    }

    /// <summary>
    /// Both patterns end in a degree sign (°, º or ℃) or the word ("degC", "degrees"; a range also "0-2 grader", "2-8 Grad",
    /// "2-8 gradi", "graus"), or a single value with its sign in a bare "C" ("-20 C"); text without any holds no temperature.
    /// </summary>
    private static readonly SearchValues<char> DegreeSigns = SearchValues.Create("°º℃");

    private static (decimal Min, decimal Max, TextSpan Span)? Find(string text, int start, int end)
    {
        var span = text.AsSpan(start, end - start);
        if (!span.ContainsAny(DegreeSigns) && !span.Contains("deg", StringComparison.OrdinalIgnoreCase) && !span.Contains("grad", StringComparison.OrdinalIgnoreCase)
            && !HasBareC(span))
        {
            return null;
        }

        var range = Range().Match(text, start, end - start);
        var single = Single().Match(text, start, end - start);
        if (range.Success && (!single.Success || range.Index <= single.Index))
        {
            if (Parse(range.Groups["a"].Value) is { } a && Parse(range.Groups["b"].Value) is { } b)
            {
                return (Math.Min(a, b), Math.Max(a, b), new TextSpan(range.Index, range.Length));
            }
        }

        if (single.Success && Parse(single.Groups["a"].Value) is { } t)
        {
            return (t, t, new TextSpan(single.Index, single.Length));
        }

        return null;
    }

    /// <summary>True when a digit comes right before a capital "C" (after one space at most) that no letter follows: "-20 C".</summary>
    private static bool HasBareC(ReadOnlySpan<char> span)
    {
        for (var from = 0; span[from..].IndexOf('C') is var k and >= 0; from += k + 1)
        {
            var i = from + k;
            var before = i > 1 && span[i - 1] == ' ' ? span[i - 2] : i > 0 ? span[i - 1] : ' ';
            if (char.IsAsciiDigit(before) && (i + 1 == span.Length || !char.IsLetterOrDigit(span[i + 1])))
            {
                return true;
            }
        }

        return false;
    }

    private static decimal? Parse(string value)
    {
        var cleaned = value.Replace(" ", "", StringComparison.Ordinal).Replace('−', '-').Replace('–', '-');
        var negative = cleaned.StartsWith('-');
        var number = EuropeanNumber.Parse(cleaned.TrimStart('+', '-'));
        return number is { } n && n <= 40 ? (negative ? -n : n) : null;
    }

    /// <summary>What joins the two ends of a range: a sign or the connecting word of a vocabulary language ("bis", "og", "και", "și").</summary>
    private const string RangeWord = @"(?:/|\.\.|\.\.\.|…|to|bis|do|až|és|до|a|-|–|÷|and|und|et|e|y|i|in|og|och|ja|tot|en|līdz|lidz|iki|και|și|şi|si|ile|ve|и|і|til|till|kuni|ir)";

    [GeneratedRegex(@"(?<![\d.,])(?<a>[+\-−]?\s?\d{1,2}(?:[.,]\d)?)\s*(?:°\s*C?|º\s*C?)?\s*" + RangeWord + @"\s*(?<b>[+\-−]?\s?\d{1,2}(?:[.,]\d)?)\s*(?:°\s*C|º\s*C|℃|°|deg(?:rees?)?(?:\s?C(?:elsius)?)?\b|grad(?:er|e|i|os|us)?\b|graus\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Range();

    [GeneratedRegex(@"(?<![\d.,])(?<a>[+\-−–]?\s?\d{1,2}(?:[.,]\d)?)\s*(?:°\s*C|º\s*C|℃|deg(?:rees?)?(?:\s?C(?:elsius)?)?\b)|(?<![\d.,\p{L}])(?<a>[+\-−–]\s?\d{1,2}(?:[.,]\d)?)\s?(?-i:C)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Single();

    [GeneratedRegex(@"(?<![\d.,\p{L}])(?<a>[+\-−–]?\s?\d{1,2}(?:[.,]\d)?)(?:\s*" + RangeWord + @"\s*(?<b>[+\-−–]?\s?\d{1,2}(?:[.,]\d)?))?\s?(?<w>\p{L}+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ValueBeforeWord();
}
