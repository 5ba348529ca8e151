using FleetManager.Core.Rules.Stops;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Classifying;

/// <summary>
/// Whether a text has a line that names a loading (or an unloading) place by a stop label of any
/// language of the vocabulary files: a label before ":", a tab or "|" ("Lastningsplats: …",
/// "Iekraušanas vieta | …"), or a short heading line of its own ("Φόρτωση"). The classifier asks this
/// when its own label patterns found no such line.
/// </summary>
internal static class StopLines
{
    /// <summary>The longest label read before its separator.</summary>
    private const int MaxLabel = 48;

    /// <summary>Lines looked at; a stop line comes early in any order.</summary>
    private const int MaxLines = 400;

    public static bool Has(string text, bool loading)
    {
        var lines = 0;
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            if (++lines > MaxLines)
            {
                return false;
            }

            var line = rawLine.TrimStart(" \t>-•*·#0123456789.)").TrimEnd();
            if (line.Length < 3)
            {
                continue;
            }

            var end = line.IndexOfAny(':', '\t', '|');
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
                continue;
            }

            var kind = StopLabels.Classify(label.ToString(), out _);
            if ((loading ? kind is StopLabelKind.Loading or StopLabelKind.LoadingDate : kind is StopLabelKind.Unloading or StopLabelKind.UnloadingDate)
                && HasStopWord(label, loading))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a word of the label is itself a stop word of that direction: "From:" and "To:" of a quoted
    /// header, "Load" or "Ladung" (cargo) do not make a stop line.
    /// </summary>
    private static bool HasStopWord(ReadOnlySpan<char> label, bool loading)
    {
        foreach (var word in TextFold.Fold(label).Split([' ', '/', '(', ')', '.', ',', '-', '–'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (StopLabels.StopTypeOfWord(word) == loading)
            {
                return true;
            }
        }

        return false;
    }
}
