namespace FleetManager.Core.Rules.Stops;

/// <summary>A line of the analysed text with its absolute offset.</summary>
internal readonly record struct TextLine(int Start, string Text)
{
    /// <summary>The lines of text[start..end], cells of " | " rows that are themselves "Label: value" pairs split into lines of their own.</summary>
    public static List<TextLine> Split(string text, int start, int end)
    {
        var lines = new List<TextLine>();
        var pos = start;
        while (pos <= end)
        {
            var lineEnd = pos < end ? text.IndexOf('\n', pos, end - pos) : -1;
            if (lineEnd < 0)
            {
                lineEnd = end;
            }

            var line = text[pos..lineEnd].TrimEnd('\r');
            AddWithCells(lines, pos, line);
            pos = lineEnd + 1;
        }

        return lines;
    }

    private static void AddWithCells(List<TextLine> lines, int start, string line)
    {
        if (!line.Contains(" | ", StringComparison.Ordinal))
        {
            lines.Add(new TextLine(start, line));
            return;
        }

        // "Ladung: 05.11. | Entladung: 06.11." holds two labelled fields: read them as two lines.
        var cells = line.Split(" | ");
        var labelled = cells.Count(c => LabelledCell(c));
        if (labelled < 2)
        {
            lines.Add(new TextLine(start, line));
            return;
        }

        var offset = 0;
        foreach (var cell in cells)
        {
            lines.Add(new TextLine(start + offset, cell));
            offset += cell.Length + 3;
        }
    }

    private static bool LabelledCell(string cell)
    {
        var colon = cell.IndexOf(':', StringComparison.Ordinal);
        return colon is > 1 and < 40 && !cell[..colon].Any(char.IsAsciiDigit) && StopLabels.Classify(cell[..colon], out _) != StopLabelKind.Other;
    }
}
