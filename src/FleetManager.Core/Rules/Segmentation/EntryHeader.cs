namespace FleetManager.Core.Rules.Segmentation;

/// <summary>
/// The numbered header that opens one entry of a multi-order message: "1.", "2)", "3 |", "#2",
/// "Load 3", "Ladung 2/5", "Auftrag Nr. 4:", "Вантаж №1". <see cref="Marker"/> is the folded word
/// before the number ("" for a bare number, "#" for "#2"), so a message's entries can be required to
/// share one marker: a repeated header word in sequence is a structure of any language, no
/// vocabulary needed.
/// </summary>
internal readonly record struct EntryHeader(string Marker, int Number, int Length)
{
    /// <summary>Longest word taken as a header word ("Sendung", "Lieferung", "Zlecenie", "Вантаж").</summary>
    private const int MaxWordLength = 16;

    /// <summary>Reads the header at the start of <paramref name="line"/>, or null. Linear in the line, no regex.</summary>
    public static EntryHeader? Read(string line)
    {
        var i = 0;
        while (i < line.Length && i < 4 && (line[i] == ' ' || line[i] == '\t'))
        {
            i++;
        }

        if (i >= line.Length)
        {
            return null;
        }

        if (char.IsAsciiDigit(line[i]))
        {
            return ReadBareNumber(line, i);
        }

        var marker = "";
        if (line[i] == '#')
        {
            marker = "#";
            i++;
        }
        else if (char.IsLetter(line[i]))
        {
            var wordStart = i;
            while (i < line.Length && char.IsLetter(line[i]))
            {
                i++;
            }

            if (i - wordStart < 2 || i - wordStart > MaxWordLength)
            {
                return null;
            }

            marker = Text.TextFold.Fold(line.AsSpan(wordStart, i - wordStart));
            i = SkipNumberSign(line, i);
        }
        else
        {
            return null;
        }

        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }

        var numberStart = i;
        var number = ReadNumber(line, ref i);
        if (number is null || i - numberStart > 2)
        {
            return null;
        }

        // "Ladung 2/5": the count after the slash is not part of the sequence.
        if (i + 1 < line.Length && line[i] == '/' && char.IsAsciiDigit(line[i + 1]))
        {
            i++;
            ReadNumber(line, ref i);
        }

        // The number ends the header: the end of the line, white space or a closing mark ("Load 3:", "#2 –").
        if (i < line.Length && !(char.IsWhiteSpace(line[i]) || line[i] is ':' or '.' or ')' or '-' or '–' or '—' or '|'))
        {
            return null;
        }

        if (i < line.Length && line[i] is ':' or '.' or ')')
        {
            i++;
        }

        return new EntryHeader(marker, number.Value, i);
    }

    /// <summary>"1. text", "2) text", "3 | text": the number must be followed by its mark and then text (the old digest form).</summary>
    private static EntryHeader? ReadBareNumber(string line, int i)
    {
        var start = i;
        var number = ReadNumber(line, ref i);
        if (number is null || i - start > 2)
        {
            return null;
        }

        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }

        if (i < line.Length && line[i] is '.' or ')' && i + 1 < line.Length && char.IsWhiteSpace(line[i + 1]))
        {
            var textStart = i + 1;
            while (textStart < line.Length && char.IsWhiteSpace(line[textStart]))
            {
                textStart++;
            }

            return textStart < line.Length ? new EntryHeader("", number.Value, i + 1) : null;
        }

        if (i < line.Length && line[i] == '|' && i + 1 < line.Length && char.IsWhiteSpace(line[i + 1]))
        {
            return new EntryHeader("", number.Value, i + 1);
        }

        return null;
    }

    /// <summary>Skips "Nr.", "No.", "n°", "№", "#" between a header word and its number.</summary>
    private static int SkipNumberSign(string line, int i)
    {
        var j = i;
        while (j < line.Length && line[j] == ' ')
        {
            j++;
        }

        if (j < line.Length && line[j] is '#' or '№')
        {
            return j + 1;
        }

        var signStart = j;
        while (j < line.Length && char.IsLetter(line[j]) && j - signStart < 3)
        {
            j++;
        }

        var sign = line[signStart..j].ToLowerInvariant();
        if (sign is "nr" or "no" or "n" or "nº" or "br" or "č" or "c" && j < line.Length && line[j] is '.' or '°' or 'º' or ' ')
        {
            return j + 1;
        }

        return i;
    }

    private static int? ReadNumber(string line, ref int i)
    {
        var start = i;
        var value = 0;
        while (i < line.Length && char.IsAsciiDigit(line[i]) && i - start < 3)
        {
            value = (value * 10) + (line[i] - '0');
            i++;
        }

        return i > start ? value : null;
    }
}
