using System.Text.RegularExpressions;
using FleetManager.Core.Rules.Stops;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Classifying;

/// <summary>
/// Stop evidence in any language of the vocabulary files, for the classifier where its own label
/// patterns find none: a line or table cell that names a loading (or an unloading) place by a stop label
/// ("Lastningsplats: …", "… | Scarico: 17/02", a heading "Φόρτωση"), a sentence where a stop word is
/// followed by a postcode ("Læsning er tirsdag … 8700 Horsens"), and a load-list header row whose cells
/// name both.
/// </summary>
internal static partial class StopLines
{
    /// <summary>The longest label read before its separator.</summary>
    private const int MaxLabel = 48;

    /// <summary>Lines looked at; a stop line comes early in any order.</summary>
    private const int MaxLines = 400;

    /// <summary>How far after a stop word in prose its place's postcode may come.</summary>
    private const int ProseWindow = 220;

    private static readonly char[] CellSeparators = ['|', '\t', ';'];

    /// <summary>True when a line or cell of <paramref name="text"/> is labelled as a loading (<paramref name="loading"/>) or an unloading place.</summary>
    public static bool Has(string text, bool loading)
    {
        var lines = 0;
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            if (++lines > MaxLines)
            {
                return false;
            }

            foreach (var cell in rawLine.ToString().Split(CellSeparators))
            {
                if (IsStopLabelled(cell, loading))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when a stop word of that direction is followed, within a sentence or two, by a postcode.</summary>
    public static bool HasInProse(string text, bool loading)
    {
        var folded = TextFold.Fold(text.AsSpan(0, Math.Min(text.Length, 6000)));
        foreach (var word in Word().EnumerateMatches(folded))
        {
            if (word.Length < 5 || StopLabels.StopTypeOfWord(folded.Substring(word.Index, word.Length)) != loading)
            {
                continue;
            }

            var from = word.Index + word.Length;
            var window = folded.AsSpan(from, Math.Min(ProseWindow, folded.Length - from));
            if (Postcode().IsMatch(window))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A header row of a delimited load list: four or more cells, one naming loading and one unloading.</summary>
    public static bool HasLoadListHeader(string text)
    {
        var lines = 0;
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            if (++lines > MaxLines * 4)
            {
                return false;
            }

            if (rawLine.Count(';') + rawLine.Count('\t') + rawLine.Count('|') < 3)
            {
                continue;
            }

            var cells = rawLine.ToString().Split(CellSeparators);
            var hasLoading = false;
            var hasUnloading = false;
            foreach (var cell in cells)
            {
                hasLoading |= IsStopLabelled(cell, loading: true);
                hasUnloading |= IsStopLabelled(cell, loading: false);
            }

            if (hasLoading && hasUnloading)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsStopLabelled(string cell, bool loading)
    {
        var line = cell.AsSpan().TrimStart(" \t>-•*·#0123456789.)\"").TrimEnd(" \t\"");
        if (line.Length < 3)
        {
            return false;
        }

        var end = line.IndexOf(':');
        ReadOnlySpan<char> label;
        if (end > 0 && end <= MaxLabel)
        {
            label = line[..end];
        }
        else if (line.Length <= 32 && line.Count(' ') <= 2)
        {
            label = line;
        }
        else
        {
            return false;
        }

        var kind = StopLabels.Classify(label.ToString(), out _);
        return (loading ? kind is StopLabelKind.Loading or StopLabelKind.LoadingDate : kind is StopLabelKind.Unloading or StopLabelKind.UnloadingDate)
            && HasStopWord(label, loading);
    }

    /// <summary>
    /// Whether a word of the label is itself a stop word of that direction: "From:" and "To:" of a quoted
    /// header, "Load" or "Ladung" (cargo) do not make a stop line.
    /// </summary>
    private static bool HasStopWord(ReadOnlySpan<char> label, bool loading)
    {
        foreach (var word in TextFold.Fold(label).Split([' ', '/', '(', ')', '.', ',', '-', '–', '_'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (StopLabels.StopTypeOfWord(word) == loading)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"[\p{L}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    /// <summary>A postcode in the shapes of Europe (4–6 digits, "123 45", "12-345", "1234 AB", "LV-1050"), not a year.</summary>
    [GeneratedRegex(@"(?<![\d.,:/-])(?:[a-z]{1,2}-)?(?!20[1-4]\d\b)(?:\d{4,6}|\d{3}\s\d{2}|\d{2}-\d{3}|\d{4}\s?[a-z]{2})(?![\d.,:/]|\s?(?:kg|t|eur|dkk|sek|nok|pln|czk|huf|ron|km|m|l|°))(?=\s+\p{L})", RegexOptions.CultureInvariant)]
    private static partial Regex Postcode();
}
