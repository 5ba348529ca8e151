namespace FleetManager.Mail.Parsing;

/// <summary>
/// A small RFC 4180 reader for CSV attachments: quoted fields with doubled quotes and line
/// breaks, and the delimiter guessed from the first line (European exports use ';').
/// </summary>
internal static class CsvRowReader
{
    private static readonly char[] Candidates = [';', ',', '\t', '|'];

    public static IEnumerable<List<string>> Read(string text)
    {
        var delimiter = DetectDelimiter(text);
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            if (c == '"' && field.Length == 0)
            {
                inQuotes = true;
            }
            else if (c == delimiter)
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                yield return row;
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }

    /// <summary>The candidate that occurs most often outside quotes in the first line; ',' when none does.</summary>
    internal static char DetectDelimiter(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var firstLine = end < 0 ? text : text[..end];
        var best = ',';
        var bestCount = 0;
        foreach (var candidate in Candidates)
        {
            var count = 0;
            var inQuotes = false;
            foreach (var c in firstLine)
            {
                if (c == '"')
                {
                    inQuotes = !inQuotes;
                }
                else if (c == candidate && !inQuotes)
                {
                    count++;
                }
            }

            if (count > bestCount)
            {
                best = candidate;
                bestCount = count;
            }
        }

        return best;
    }
}
