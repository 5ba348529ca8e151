using FleetManager.Core.Rules.Stops;

namespace FleetManager.Core.Rules.Segmentation;

/// <summary>
/// A table written with its fields as rows and one column per order ("Loading | 010 01 Žilina | 036 01
/// Martin", "Weight | 16 500 kg | 8,2 t"), as HTML tables are rendered (cells joined by " | ") or as a
/// sender types it ("Loading: A | B"). It is rewritten as one "label: value" block per column, each
/// under its column heading when the table has one, so every order reads like a labelled order of its
/// own; the blocks' places in the new text are the orders. A table counts as transposed when at least
/// <see cref="MinRows"/> consecutive rows have the same two or more value cells and their first cells are
/// distinct labels that name a loading and an unloading stop in any language of the vocabularies.
/// One order's stops as columns ("| Carga | Descarga" over "Data | 29/12 | 30/12") are rewritten the same
/// way, a labelled section per stop, and stay one order. One pass over the lines.
/// </summary>
internal static class TransposedTable
{
    /// <summary>Fewer field rows than this are a small grid, not an order per column.</summary>
    internal const int MinRows = 4;

    private const string CellSeparator = " | ";

    /// <summary>
    /// <paramref name="text"/> with its transposed tables rewritten, and where each column's block is in
    /// the result; the same string instance and no columns when it has none.
    /// </summary>
    public static string Rewrite(string text, out List<OrderBlock> columns)
    {
        columns = [];
        if (!text.Contains(CellSeparator, StringComparison.Ordinal))
        {
            return text;
        }

        var lines = text.Split('\n');
        var rows = new Row?[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            rows[i] = Row.Read(lines[i]);
        }

        LineRewrite? rewrite = null;
        var i0 = 0;
        while (i0 < lines.Length)
        {
            if (rows[i0] is not { } first)
            {
                i0++;
                continue;
            }

            var end = i0 + 1;
            while (end < lines.Length && rows[end] is { } next && next.Values.Length == first.Values.Length && next.Label.Length > 0)
            {
                end++;
            }

            // An order per column is an order block each; one order's stops as columns are rewritten the same way, as one order.
            var orderColumns = IsTransposed(rows, i0, end);
            if (!orderColumns && !IsStopColumns(rows, i0, end))
            {
                i0 = end;
                continue;
            }

            rewrite ??= new LineRewrite(lines, text.Length + 256);
            var output = rewrite.Before(i0);
            var header = first.Label.Length == 0 ? first : (Row?)null;
            var dataStart = header is null ? i0 : i0 + 1;
            var valueCount = rows[dataStart]!.Value.Values.Length;
            for (var column = 0; column < valueCount; column++)
            {
                var blockStart = output.Length;
                if (header is { } h && h.Values[column].Length > 0)
                {
                    output.Append(h.Values[column]).Append('\n');
                }

                for (var r = dataStart; r < end; r++)
                {
                    var row = rows[r]!.Value;
                    if (row.Values[column].Length > 0)
                    {
                        output.Append(row.Label).Append(": ").Append(row.Values[column]).Append('\n');
                    }
                }

                if (orderColumns)
                {
                    columns.Add(new OrderBlock(blockStart, output.Length - blockStart));
                }

                output.Append('\n');
            }

            rewrite.Done(end);
            i0 = end;
        }

        return rewrite?.Finish() ?? text;
    }

    /// <summary>
    /// True when rows <paramref name="start"/>..<paramref name="end"/> (a header row with an empty first
    /// cell allowed first) are at least <see cref="MinRows"/> field rows with two or more values, distinct
    /// labels, and labels of a loading and an unloading stop.
    /// </summary>
    private static bool IsTransposed(Row?[] rows, int start, int end)
    {
        var dataStart = rows[start]!.Value.Label.Length == 0 ? start + 1 : start;
        if (end - dataStart < MinRows || rows[dataStart]!.Value.Values.Length < 2
            || (dataStart > start && rows[start]!.Value.Values.Length != rows[dataStart]!.Value.Values.Length))
        {
            return false;
        }

        bool loading = false, unloading = false;
        var labels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var r = dataStart; r < end; r++)
        {
            var label = rows[r]!.Value.Label;
            if (!labels.Add(label))
            {
                return false;
            }

            var kind = StopLabels.Classify(label, out _);
            loading |= kind is StopLabelKind.Loading or StopLabelKind.LoadingDate;
            unloading |= kind is StopLabelKind.Unloading or StopLabelKind.UnloadingDate;
        }

        return loading && unloading;
    }

    /// <summary>
    /// True when rows <paramref name="start"/>..<paramref name="end"/> are one order's stops as columns: a header row
    /// with an empty first cell whose headings name a loading stop first and an unloading stop last ("| Carga |
    /// Descarga"), over at least two field rows with distinct labels ("Data | 29/12/2026 | 30/12/2026"). Each column
    /// is rewritten as a labelled section of its own, which the stop readers know in any language.
    /// </summary>
    private static bool IsStopColumns(Row?[] rows, int start, int end)
    {
        var header = rows[start]!.Value;
        if (header.Label.Length > 0 || end - start - 1 < 2 || header.Values.Length < 2 || rows[start + 1]!.Value.Values.Length != header.Values.Length)
        {
            return false;
        }

        var kinds = Array.ConvertAll(header.Values, v => v.Length is 0 or > 40 ? StopLabelKind.Other : StopLabels.Classify(v, out _));
        if (kinds[0] is not (StopLabelKind.Loading or StopLabelKind.LoadingDate) || kinds[^1] is not (StopLabelKind.Unloading or StopLabelKind.UnloadingDate)
            || Array.Exists(kinds, k => k is StopLabelKind.Other))
        {
            return false;
        }

        var labels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var r = start + 1; r < end; r++)
        {
            if (!labels.Add(rows[r]!.Value.Label))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One table row: its label (empty for a header row whose first cell is empty) and its value cells.</summary>
    private readonly record struct Row(string Label, string[] Values)
    {
        /// <summary>The row of a line with at least two cell separators; null for any other line.</summary>
        public static Row? Read(string line)
        {
            var text = line.TrimEnd('\r').Trim();
            if (text.Length == 0 || text.Length > 1000)
            {
                return null;
            }

            if (text.EndsWith(" |", StringComparison.Ordinal))
            {
                text = text[..^2].TrimEnd();
            }

            string label;
            string rest;
            if (text.StartsWith('|'))
            {
                label = "";
                rest = text[1..].TrimStart();
            }
            else
            {
                var separator = text.IndexOf(CellSeparator, StringComparison.Ordinal);
                if (separator < 0)
                {
                    return null;
                }

                var firstCell = text[..separator];
                rest = text[(separator + CellSeparator.Length)..];
                var colon = firstCell.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && colon <= 40)
                {
                    // "Label: first value | second value", as a sender types the table in plain text.
                    label = firstCell[..colon].Trim();
                    rest = firstCell[(colon + 1)..].Trim() + CellSeparator + rest;
                }
                else
                {
                    label = firstCell.Trim();
                }

                if (label.Length == 0 || label.Length > 40 || label.Any(char.IsAsciiDigit))
                {
                    return null;
                }
            }

            var values = rest.Split(CellSeparator);
            if (values.Length < 2 && label.Length > 0)
            {
                return null;
            }

            for (var v = 0; v < values.Length; v++)
            {
                values[v] = values[v].Trim();
            }

            return new Row(label, values);
        }
    }
}
