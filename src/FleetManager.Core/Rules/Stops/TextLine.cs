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
            AddSentences(lines, start, line);
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

    /// <summary>Shorter lines are one sentence or a field; a paragraph that names both stops is longer.</summary>
    private const int ParagraphLength = 100;

    /// <summary>
    /// A paragraph whose sentences name different places ("Læsning er tirsdag … 8700 Horsens. Levering dagen efter …
    /// 22113 Hamburg.") is read as one line per sentence, as a sender who writes each stop on its own line; every stop
    /// reader takes a line for one stop. Any other line stays whole.
    /// </summary>
    private static void AddSentences(List<TextLine> lines, int start, string line)
    {
        if (line.Length < ParagraphLength || !line.Contains(". ", StringComparison.Ordinal))
        {
            lines.Add(new TextLine(start, line));
            return;
        }

        var breaks = SentenceBreaks(line);
        var places = breaks.Count == 0 ? [] : PostalPlaceParser.FindAll(line);
        if (places.Count < 2 || SentenceOf(places[0].Index, breaks) == SentenceOf(places[^1].Index, breaks))
        {
            lines.Add(new TextLine(start, line));
            return;
        }

        var from = 0;
        foreach (var to in breaks)
        {
            lines.Add(new TextLine(start + from, line[from..to].TrimEnd()));
            from = to;
        }

        lines.Add(new TextLine(start + from, line[from..]));
    }

    /// <summary>
    /// Where sentences start after the first: after ". " that ends a word of three letters or more (not "kl.", "ul.", a
    /// day's "9.") and before a capital letter.
    /// </summary>
    private static List<int> SentenceBreaks(string line)
    {
        var breaks = new List<int>();
        for (var dot = line.IndexOf(". ", StringComparison.Ordinal); dot >= 3; dot = line.IndexOf(". ", dot + 1, StringComparison.Ordinal))
        {
            var next = dot + 2;
            if (next < line.Length && char.IsUpper(line[next]) && char.IsLetter(line[dot - 1]) && char.IsLetter(line[dot - 2]) && char.IsLetter(line[dot - 3]))
            {
                breaks.Add(next);
            }
        }

        return breaks;
    }

    private static int SentenceOf(int index, List<int> breaks)
    {
        var sentence = 0;
        while (sentence < breaks.Count && breaks[sentence] <= index)
        {
            sentence++;
        }

        return sentence;
    }

    private static bool LabelledCell(string cell)
    {
        var colon = cell.IndexOf(':', StringComparison.Ordinal);
        return colon is > 1 and < 40 && !cell[..colon].Any(char.IsAsciiDigit) && StopLabels.Classify(cell[..colon], out _) != StopLabelKind.Other;
    }
}
