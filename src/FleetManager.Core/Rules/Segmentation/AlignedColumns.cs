using System.Text;
using FleetManager.Core.Rules.Stops;

namespace FleetManager.Core.Rules.Segmentation;

/// <summary>
/// A table typed in plain text with its columns aligned by spaces and no ruler ("Nalog    Nakladanje      Razkladanje",
/// a plain-text alternative of an HTML table). Its rows are rewritten with their cells joined by " | ", the way an HTML
/// table is rendered, so the table readers (<see cref="TransposedTable"/>, <see cref="LoadListTable"/>, "Label | value"
/// lines) read it whatever the language. A block counts as such a table when at least <see cref="MinRows"/>
/// consecutive lines break into cells at runs of two or more spaces, every line's cells start at columns of the
/// widest line (or a few characters right of one, as right-aligned numbers do), and that line has at least three cells; under a ruler of dashes the ruler gives the columns and is
/// dropped. Lines with tabs or " | " are left to the readers that split them.
/// </summary>
internal static class AlignedColumns
{
    /// <summary>Fewer lines than this are a signature or a pair of labelled lines, not a table.</summary>
    internal const int MinRows = 3;

    private const int MinColumns = 3;

    /// <summary><paramref name="text"/> with its aligned tables rewritten; the same instance when it has none.</summary>
    public static string Rewrite(string text)
    {
        if (!text.Contains("  ", StringComparison.Ordinal))
        {
            return text;
        }

        var lines = text.Split('\n');
        var starts = new List<int>?[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            starts[i] = CellStarts(lines[i]);
        }

        LineRewrite? rewrite = null;
        var i0 = 0;
        while (i0 < lines.Length)
        {
            if (starts[i0] is null)
            {
                i0++;
                continue;
            }

            var end = i0 + 1;
            while (end < lines.Length && starts[end] is not null)
            {
                end++;
            }

            // Under a ruler of dashes the ruler gives the columns (a cell may hold single spaces or run to the next one).
            var ruler = end - i0 >= MinRows ? LoadListLayout.RulerColumns(lines[i0 + 1].TrimEnd('\r')) : null;
            var columns = ruler ?? (HasRuler(lines, i0, end) ? null : Columns(starts, i0, end));
            if (columns is null)
            {
                i0 = end;
                continue;
            }

            rewrite ??= new LineRewrite(lines, text.Length + 64);
            var output = rewrite.Before(i0);
            for (var k = i0; k < end; k++)
            {
                if (ruler is not null && k == i0 + 1)
                {
                    continue;
                }

                AppendRow(output, lines[k].TrimEnd('\r'), columns);
                if (k < lines.Length - 1)
                {
                    output.Append('\n');
                }
            }

            rewrite.Done(end);
            i0 = end;
        }

        return rewrite?.Finish() ?? text;
    }

    /// <summary>
    /// Where the cells of <paramref name="line"/> start: its first text and every text after two or more spaces.
    /// Null for a line with fewer than two cells, or with a tab or " | " (tables other readers split).
    /// </summary>
    private static List<int>? CellStarts(string line)
    {
        var length = line.Length;
        if (length > 0 && line[length - 1] == '\r')
        {
            length--;
        }

        if (length == 0 || length > 300 || line.AsSpan(0, length).IndexOfAny('\t', '|') >= 0)
        {
            return null;
        }

        var starts = new List<int>();
        var spaces = 0;
        var lineStart = true;
        for (var i = 0; i < length; i++)
        {
            if (line[i] == ' ')
            {
                spaces++;
                continue;
            }

            if (lineStart || spaces >= 2)
            {
                starts.Add(i);
            }

            lineStart = false;
            spaces = 0;
        }

        // A line that starts with spaces has an empty first cell: its first start is not column 0, which the widest line shows.
        return starts.Count >= 2 ? starts : null;
    }

    /// <summary>
    /// The column starts of lines <paramref name="start"/>..<paramref name="end"/> when they form a table: enough
    /// lines, the widest with at least <see cref="MinColumns"/> cells, and every line's cells at its columns.
    /// </summary>
    private static int[]? Columns(List<int>?[] starts, int start, int end)
    {
        if (end - start < MinRows)
        {
            return null;
        }

        var widest = starts[start]!;
        for (var k = start + 1; k < end; k++)
        {
            if (starts[k]!.Count > widest.Count)
            {
                widest = starts[k]!;
            }
        }

        if (widest.Count < MinColumns)
        {
            return null;
        }

        for (var k = start; k < end; k++)
        {
            var lastColumn = -1;
            foreach (var s in starts[k]!)
            {
                // A cell starts at its column, or a little right of it when the column is aligned right (" 6.200" under
                // "12.400"); never two cells in one column.
                var at = widest.BinarySearch(s);
                var column = at >= 0 ? at : ~at - 1;
                if (column < 0 || column == lastColumn || s - widest[column] > MaxRightAlignment)
                {
                    return null;
                }

                lastColumn = column;
            }
        }

        return [.. widest];
    }

    /// <summary>How far right of its column a cell of a right-aligned column may start: a few digits of a shorter number.</summary>
    private const int MaxRightAlignment = 4;

    private static bool HasRuler(string[] lines, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            if (LoadListLayout.RulerColumns(lines[k].TrimEnd('\r')) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The cells of <paramref name="line"/> at <paramref name="columns"/>, joined by " | " (an empty first cell leaves the line starting with it).</summary>
    private static void AppendRow(StringBuilder output, string line, int[] columns)
    {
        for (var c = 0; c < columns.Length; c++)
        {
            var from = Math.Min(c == 0 ? 0 : columns[c], line.Length);
            var to = c + 1 < columns.Length ? Math.Min(columns[c + 1], line.Length) : line.Length;
            var cell = line.AsSpan(from, to - from).Trim();
            if (c > 0)
            {
                output.Append(" | ");
            }

            output.Append(cell);
        }
    }
}
