namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// How a load list's rows break into cells: at a separator (";", tab, " | ", or "," in a CSV
/// attachment, where a quoted cell may hold the separator), or at fixed column positions (a
/// plain-text table aligned with spaces under a ruler of dashes).
/// </summary>
internal sealed class LoadListLayout
{
    private LoadListLayout(string? separator, int[]? columnStarts)
    {
        Separator = separator;
        ColumnStarts = columnStarts;
    }

    /// <summary>The cell separator, or null for a fixed-width table.</summary>
    public string? Separator { get; }

    /// <summary>Where each column starts within its line (fixed-width tables only).</summary>
    public int[]? ColumnStarts { get; }

    public static LoadListLayout Separated(string separator) => new(separator, null);

    public static LoadListLayout FixedWidth(int[] columnStarts) => new(null, columnStarts);

    /// <summary>The cells of the line text[lineStart..lineStart+lineLength] as trimmed absolute spans (quotes left out).</summary>
    public List<(int Start, int Length)> Split(string text, int lineStart, int lineLength)
    {
        var cells = new List<(int, int)>();
        var lineEnd = lineStart + lineLength;
        if (ColumnStarts is { } starts)
        {
            for (var i = 0; i < starts.Length; i++)
            {
                var from = Math.Min(lineStart + starts[i], lineEnd);
                var to = i + 1 < starts.Length ? Math.Min(lineStart + starts[i + 1], lineEnd) : lineEnd;
                cells.Add(Trimmed(text, from, to));
            }

            return cells;
        }

        var separator = Separator!;
        var quoted = separator == ",";
        var cellStart = lineStart;
        if (separator == " | " && lineLength >= 2 && text[lineStart] == '|' && text[lineStart + 1] == ' ')
        {
            // An HTML row whose first cell is empty (a table's corner) renders as "| Datum | Tid".
            cells.Add((lineStart, 0));
            cellStart = lineStart + 2;
        }

        var inQuotes = false;
        for (var pos = cellStart; pos < lineEnd; pos++)
        {
            var c = text[pos];
            if (quoted && c == '"')
            {
                inQuotes = !inQuotes;
                continue;
            }

            if (!inQuotes && string.CompareOrdinal(text, pos, separator, 0, separator.Length) == 0)
            {
                cells.Add(Trimmed(text, cellStart, pos));
                pos += separator.Length - 1;
                cellStart = pos + 1;
            }
        }

        cells.Add(Trimmed(text, cellStart, lineEnd));
        return cells;
    }

    /// <summary>The number of cells the line holds (the same count <see cref="Split"/> gives, without the spans).</summary>
    public int Count(string text, int lineStart, int lineLength) => Split(text, lineStart, lineLength).Count;

    /// <summary>
    /// The fixed column starts a ruler line gives ("------  -----  ---"): where each run of dashes
    /// (or "=") starts; null unless the line is only such runs (at least three) and spaces.
    /// </summary>
    public static int[]? RulerColumns(string line)
    {
        var starts = new List<int>();
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c is ' ' or '\t' or '+' or '|')
            {
                i++;
                continue;
            }

            if (c is not ('-' or '=' or '─'))
            {
                return null;
            }

            var runStart = i;
            while (i < line.Length && line[i] is '-' or '=' or '─')
            {
                i++;
            }

            if (i - runStart < 2)
            {
                return null;
            }

            starts.Add(runStart);
        }

        return starts.Count >= 3 ? starts.ToArray() : null;
    }

    private static (int Start, int Length) Trimmed(string text, int from, int to)
    {
        while (from < to && (char.IsWhiteSpace(text[from]) || text[from] == '"' || text[from] == '\uFEFF'))
        {
            from++;
        }

        while (to > from && (char.IsWhiteSpace(text[to - 1]) || text[to - 1] == '"'))
        {
            to--;
        }

        return (from, to - from);
    }
}
