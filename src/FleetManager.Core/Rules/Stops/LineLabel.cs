using System.Text.RegularExpressions;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// The label at the start of a line, if the line is a field: "Label: value", "Label | value",
/// "Label   value" (a table rendered with spaces), "1. Beladung – value", or a heading such as
/// "COLLECTION" or "LUOGO DI CARICO" alone on its line.
/// </summary>
internal readonly partial record struct LineLabel(StopLabelKind Kind, string? Language, int ValueStart)
{
    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "place", "of", "luogo", "di", "lieu", "de", "du", "la", "le", "miejsce", "misto", "място", "на", "locul", "lugar", "del", "punto", "point", "location",
        "address", "adresse", "site", "stelle", "ort", "and", "und", "i", "a", "et", "e", "y", "the", "stop", "stopp", "adres", "adresa", "адрес", "cim", "helye", "hely",
        "info", "details", "daten", "dane", "dati", "datos", "donnees", "data", "gegevens", "udaje", "adatok", "date", "datum", "time", "zeit", "termin", "date/time", "window", "ora", "orario",
        "plan", "planned", "geplant", "geplante", "prevista", "previsto", "prevue", "planowany", "firma", "company", "ditta", "indirizzo", "party", "point", "punkt", "mjesto", "mesto",
    };

    /// <summary>Reads the label of <paramref name="line"/>; null when the line is plain text.</summary>
    public static LineLabel? Read(string line)
    {
        // A number with an ordinal ending before a stop's label ("1ª descarga", "2nd drop", "2:a lossning", "1η φόρτωση")
        // numbers the stops of a multi-stop order; after any other ordinal ("3rd floor:") the line reads as it would
        // without the number.
        if (MayStartNumbering(line) && OrdinalNumbering().Match(line) is { Success: true } ordinal
            && ReadLine(line[ordinal.Length..]) is { Kind: StopLabelKind.Loading or StopLabelKind.Unloading } numberedStop)
        {
            return numberedStop with { ValueStart = numberedStop.ValueStart + ordinal.Length };
        }

        return ReadLine(line);
    }

    private static LineLabel? ReadLine(string line)
    {
        var bodyStart = MayStartNumbering(line) && Numbering().Match(line) is { Success: true } numbering ? numbering.Length : 0;
        var body = line[bodyStart..];
        var trimmedStart = body.Length - body.TrimStart().Length;
        body = body.TrimStart();
        bodyStart += trimmedStart;
        if (body.Length == 0)
        {
            return null;
        }

        var (sepIndex, sepLength, strong) = FindSeparator(body);
        if (sepIndex < 0 && WordBeforeDate().Match(body) is { Success: true } dated
            && StopLabels.Classify(dated.Groups["w"].Value, out var datedLanguage) is var datedKind and not StopLabelKind.Other)
        {
            // "Nakládka 21.12.2026, 24 t": a stop word and a date right after it (a weekday between at most), as exchange
            // alerts and short notes write a stop's day.
            return new LineLabel(datedKind, datedLanguage, bodyStart + dated.Length);
        }

        if (sepIndex < 0)
        {
            // A heading alone on its line.
            var whole = body.TrimEnd().TrimEnd(':');
            if (whole.Length > 40 || whole.Any(char.IsAsciiDigit) || !IsPureLabel(whole))
            {
                return null;
            }

            var kind = StopLabels.Classify(whole, out var lang);
            return kind == StopLabelKind.Other ? null : new LineLabel(kind, lang, line.Length);
        }

        var label = body[..sepIndex].Trim();
        if (label.Length == 0 || label.Contains("http", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // A label with digits is no stop label, but for a numbered stop of a multi-stop order ("Rozładunek 2:",
        // "Unloading #3"), which is its stop's label.
        var numberedStop = false;
        if (label.Any(char.IsAsciiDigit))
        {
            if (NumberedStop().Match(label) is not { Success: true } numbered)
            {
                return null;
            }

            label = numbered.Groups["label"].Value;
            numberedStop = true;
        }

        // A sentence that ends in a colon ("Both loadings are at our depot:") is prose introducing what
        // follows, not a label: labels are a few words ("Place of loading / date").
        if (WordCount(label) > MaxLabelWords)
        {
            return null;
        }

        var value = body[(sepIndex + sepLength)..];
        var labelKind = StopLabels.Classify(label, out var language);
        // Only after a colon, a bar or a tab: "Carga 1 - ref. LC-1701" heads an order ("load 1"), not a stop.
        if (numberedStop && (!strong || labelKind is not (StopLabelKind.Loading or StopLabelKind.Unloading)))
        {
            return null;
        }

        if (!strong && (labelKind == StopLabelKind.Other || !IsPureLabel(label)))
        {
            return null;
        }

        // Header lines of a forwarded message ("From: Name <a@b>", "To: ...") are not stop fields.
        // An '@' counts only inside an address (text on both sides): a company named "@Home Logistics" is a stop.
        if (labelKind is StopLabelKind.Loading or StopLabelKind.Unloading && (HasEmailAddress(value) || value.Contains('<')))
        {
            labelKind = StopLabelKind.Other;
        }

        return new LineLabel(labelKind, language, bodyStart + sepIndex + sepLength);
    }

    /// <summary>A word, at most two short words (a weekday: "Dé Máirt") and a numeric date ("Nakládka 21.12.2026", "Lódáil Dé Máirt 09.02.2027").</summary>
    [GeneratedRegex(@"^(?<w>\p{L}{3,24})(?: \p{L}{1,12}\.?){0,2},? (?=\d{1,2}[./]\d{1,2}[./]|\d{4}-\d{2}-\d{2})", RegexOptions.CultureInvariant)]
    private static partial Regex WordBeforeDate();

    /// <summary>More words than this before a separator make a sentence, not a label.</summary>
    private const int MaxLabelWords = 6;

    private static int WordCount(string label)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in label)
        {
            var letter = char.IsLetter(c);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }

    private static bool HasEmailAddress(string value)
    {
        for (var at = value.IndexOf('@'); at >= 0; at = value.IndexOf('@', at + 1))
        {
            if (at > 0 && at < value.Length - 1 && !char.IsWhiteSpace(value[at - 1]) && !char.IsWhiteSpace(value[at + 1]))
            {
                return true;
            }
        }

        return false;
    }

    [ThreadStatic]
    private static LabelMemo<bool>? t_pure;

    private static readonly Func<string, bool> IsPureLabelOnce = IsPureLabelText;

    /// <summary>True when every word of the label is a stop word, a date word or a filler ("Place of loading").</summary>
    private static bool IsPureLabel(string label) => (t_pure ??= new()).Get(label, IsPureLabelOnce);

    private static bool IsPureLabelText(string label)
    {
        var words = TextFold.Fold(label).Split([' ', '/', '(', ')', '.', ',', '-', '–', ':', '&', '*', '#', '|'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.Length > 5)
        {
            return false;
        }

        foreach (var w in words)
        {
            if (!Fillers.Contains(w) && StopLabels.Classify(w, out _) == StopLabelKind.Other)
            {
                return false;
            }
        }

        return true;
    }

    private static (int Index, int Length, bool Strong) FindSeparator(string body)
    {
        var limit = Math.Min(body.Length, 48);
        for (var i = 1; i < limit; i++)
        {
            var c = body[i];
            if (c == ':' && (i + 1 >= body.Length || !char.IsAsciiDigit(body[i + 1]) || !char.IsAsciiDigit(body[i - 1])))
            {
                return (i, 1, true);
            }

            if (c == '|' && body[i - 1] == ' ')
            {
                return (i - 1, i + 1 < body.Length && body[i + 1] == ' ' ? 3 : 2, true);
            }

            if (c == '\t' || (c == ' ' && i + 1 < body.Length && body[i + 1] == ' '))
            {
                var j = i;
                while (j < body.Length && (body[j] == ' ' || body[j] == '\t'))
                {
                    j++;
                }

                if (j < body.Length && body[j] is '-' or '–' or '—' && j + 1 < body.Length && body[j + 1] == ' ')
                {
                    return (i, j + 2 - i, true);
                }

                return (i, j - i, true);
            }

            if ((c is '–' or '—' or '-') && body[i - 1] == ' ' && i + 1 < body.Length && body[i + 1] == ' ' && i <= 32)
            {
                return (i - 1, 3, false);
            }
        }

        return (-1, 0, false);
    }

    /// <summary>The non-digit characters <see cref="Numbering"/> can start with (after white space and "(").</summary>
    private static readonly System.Buffers.SearchValues<char> NumberingMarks = System.Buffers.SearchValues.Create("(-•*–·>");

    /// <summary>
    /// False when <paramref name="line"/> cannot match <see cref="Numbering"/>: after its leading white
    /// space every alternative starts with "(", a digit or a list mark. Most lines start with a letter.
    /// </summary>
    private static bool MayStartNumbering(string line)
    {
        var i = 0;
        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        return i < line.Length && (char.IsDigit(line[i]) || NumberingMarks.Contains(line[i]));
    }

    [GeneratedRegex(@"^\s*(?:\(?\d{1,2}[.)](?!\d)\s*|\d{1,2}\s*\|\s*|\d{1,2}\s{2,}|[-•*–·>]\s+)")]
    private static partial Regex Numbering();

    /// <summary>
    /// A number with an ordinal ending, in any language's way of writing one: an ordinal indicator ("1ª", "2º",
    /// "1°"), a Swedish colon ending ("2:a", "3:e") or up to three letters, after a hyphen or not ("2nd", "1er",
    /// "2ème", "1ste", "1η", "2-я").
    /// </summary>
    [GeneratedRegex(@"^\s*\d{1,2}(?:[ªº°]|:[ae]|-?\p{L}{1,3}\.?)\s+(?=\p{L})")]
    private static partial Regex OrdinalNumbering();

    /// <summary>A label and the number of its stop after it: "Rozładunek 2", "Unloading #3", "Entladestelle Nr. 2".</summary>
    [GeneratedRegex(@"^(?<label>\D+?)\s*(?:#|[Nn][ro]\.?\s*)?\d{1,2}$")]
    private static partial Regex NumberedStop();
}
