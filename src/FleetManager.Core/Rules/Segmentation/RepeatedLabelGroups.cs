using FleetManager.Core.Rules.Stops;

namespace FleetManager.Core.Rules.Segmentation;

/// <summary>
/// Finds orders written as repeated sets of stop labels: the same loading and unloading labels
/// appear again after a break (a blank line or a line that is no field, such as a reference heading),
/// as in a plain-text weekly plan ("CF-0114 / Loading: … / Unloading: … ⏎ CF-0115 / Loading: …").
/// A multi-stop tour lists its labels without such a break ("Loading 1 / Loading 2 / Unloading"),
/// so it stays one order.
/// </summary>
internal static class RepeatedLabelGroups
{
    /// <summary>Lines longer than this are prose, never a field line.</summary>
    private const int MaxFieldLine = 200;

    /// <summary>How many lines above a group's first label may be its heading (a reference, "Order 2").</summary>
    private const int MaxHeadingLines = 2;

    /// <summary>
    /// The line index where each group starts (its heading included) and the line index just past
    /// the last group; empty when there are fewer than two groups or a group lacks a loading or an
    /// unloading label.
    /// </summary>
    public static (List<int> Starts, int End) Find(List<TextLine> lines)
    {
        var starts = new List<int>();
        var hasLoading = new List<bool>();
        var hasUnloading = new List<bool>();
        var lastLabel = -1;
        var broken = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i].Text;
            if (string.IsNullOrWhiteSpace(text) || text.Length > MaxFieldLine)
            {
                broken |= lastLabel >= 0;
                continue;
            }

            var label = LineLabel.Read(text);
            if (label is null)
            {
                broken |= lastLabel >= 0;
                continue;
            }

            var loading = label.Value.Kind is StopLabelKind.Loading or StopLabelKind.LoadingDate;
            var unloading = label.Value.Kind is StopLabelKind.Unloading or StopLabelKind.UnloadingDate;
            if (!loading && !unloading)
            {
                continue;
            }

            var current = starts.Count - 1;
            if (loading && (current < 0 || (hasUnloading[current] && broken)))
            {
                starts.Add(HeadingStart(lines, i, lastLabel));
                hasLoading.Add(false);
                hasUnloading.Add(false);
                current++;
            }

            if (current >= 0)
            {
                hasLoading[current] |= loading;
                hasUnloading[current] |= unloading;
            }

            lastLabel = i;
            broken = false;
        }

        if (starts.Count < 2 || hasLoading.Contains(false) || hasUnloading.Contains(false))
        {
            return ([], 0);
        }

        var end = lastLabel + 1;
        while (end < lines.Count && !string.IsNullOrWhiteSpace(lines[end].Text))
        {
            end++;
        }

        return (starts, end);
    }

    /// <summary>The first line of the heading above the label line <paramref name="labelLine"/>: up to two plain lines right above it.</summary>
    private static int HeadingStart(List<TextLine> lines, int labelLine, int previousLabel)
    {
        var start = labelLine;
        for (var j = labelLine - 1; j > previousLabel && labelLine - j <= MaxHeadingLines; j--)
        {
            var text = lines[j].Text;
            if (string.IsNullOrWhiteSpace(text) || text.Length > MaxFieldLine || LineLabel.Read(text) is not null)
            {
                break;
            }

            start = j;
        }

        return start;
    }
}
