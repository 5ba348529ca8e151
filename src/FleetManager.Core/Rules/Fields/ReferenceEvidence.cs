using System.Text.RegularExpressions;
using FleetManager.Core.Model;
using FleetManager.Core.Rules.Vocabularies;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Fields;

/// <summary>
/// Reference numbers found from the language files and from the shape of the number itself, for the
/// languages and wordings <see cref="ReferenceReader"/>'s own patterns do not know:
/// <list type="bullet">
/// <item>a <c>label.reference</c> word of any language followed by a number ("Ordernr: STG-27-0142",
/// "Vores ordrenummer er DPD-4471", "Naš broj naloga je ZM-27-031");</item>
/// <item>a <c>request.order</c> document title followed by a code ("Veotellimus EM-2612-088");</item>
/// <item>the one code-shaped token of the subject (letters and digits, "LC-27/0058"), whatever its language.</item>
/// </list>
/// </summary>
internal static partial class ReferenceEvidence
{
    private static readonly PhraseSet Labels = PhraseSet.Of("label.reference");

    private static readonly PhraseSet Titles = PhraseSet.Of("request.order");

    /// <summary>
    /// Country letters that make "XX-1234" a postcode rather than a reference (Europe's ISO and vehicle
    /// codes; why not every ISO code: "MP-5530" is an order number, not a Northern Mariana postcode).
    /// </summary>
    private static readonly HashSet<string> PostcodePrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "b", "d", "e", "f", "h", "i", "l", "n", "p", "s", "at", "be", "bg", "ch", "cy", "cz", "de", "dk", "ee", "es",
        "fi", "fr", "gb", "gr", "hr", "hu", "ie", "is", "it", "li", "lt", "lu", "lv", "mt", "nl", "no", "pl", "pt", "ro",
        "se", "si", "sk", "tr", "rs", "ua", "uk", "md", "me", "mk", "ba", "al", "cs", "gr", "el",
    };

    /// <summary>Letters before digits that make a token something other than a reference: a UN number, a standard, a calendar week.</summary>
    private static readonly HashSet<string> NotReferencePrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "un", "en", "iso", "din", "kw", "cw", "wk", "km", "kg", "ldm", "eur", "pln", "sek", "nok", "dkk", "czk", "huf", "ron",
    };

    /// <summary>A number after a reference label of any language file: rank between the built-in number labels and the document titles.</summary>
    public static (string Value, TextSpan Span)? AfterLabel(FieldBlock block) => After(block, Labels, letterRequired: false);

    /// <summary>A code after a document title of any language file ("Kuljetustilaus KW-270125-07").</summary>
    public static (string Value, TextSpan Span)? AfterTitle(FieldBlock block) => After(block, Titles, letterRequired: true);

    /// <summary>
    /// A number of digits with a slash after a document title ("Ordú iompair 44/27", "orde de transporte 771/26"): the
    /// document's number, as after a number sign, unless it is a day and month that exist. Weaker than a labelled number.
    /// </summary>
    public static (string Value, TextSpan Span)? SlashNumberAfterTitle(FieldBlock block) => After(block, Titles, letterRequired: true, slashNumber: true);

    /// <summary>
    /// A number of digits right after a document title in the subject of the message's single order ("Ordre 88120 Aarhus -
    /// Hamburg", "Naročilo prevoza 2027-031"): a title names the document, so the number after it is the document's. A year,
    /// a date or a postal code of a place in the subject ("Zlecenie 62-080 Tarnowo – Mediolan") is none.
    /// </summary>
    public static (string Value, TextSpan Span)? NumberAfterTitleInSubject(FieldBlock block)
    {
        if (OwnSubject(block) is not { } subject || InLine(subject, TextFold.Fold(subject), Titles, letterRequired: false, slashNumber: false) is not { } hit)
        {
            return null;
        }

        return OverlapsAPlace(subject, hit.ValueAt, hit.Value.Length) ? null : (hit.Value, new TextSpan(block.Start + hit.ValueAt, hit.Value.Length));
    }

    /// <summary>
    /// True when the digits at <paramref name="index"/> of <paramref name="text"/> are the postal code of a place in their line
    /// ("Zlecenie 62-080 Tarnowo Podgórne – Mediolan"): a place's code is no reference.
    /// </summary>
    internal static bool IsPostalCodeOfAPlace(string text, int index, int length)
    {
        if (!text.AsSpan(index, length).ContainsAnyInRange('0', '9') || text.AsSpan(index, length).ContainsAnyInRange('A', 'Z'))
        {
            return false;
        }

        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        var lineEnd = text.IndexOf('\n', index);
        var line = text[lineStart..(lineEnd < 0 ? text.Length : lineEnd)];
        return OverlapsAPlace(line, index - lineStart, length);
    }

    private static bool OverlapsAPlace(string line, int index, int length)
    {
        foreach (var place in Stops.PostalPlaceParser.FindAll(line))
        {
            if (index < place.Index + place.Length && place.Index < index + length && CanBeCodeOf(place))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a code and town read from a subject can be a place: its shape or prefix names a country, or the gazetteer has
    /// the town in a country whose codes have its digits (or does not know the town). "88120 Aarhus" cannot: Danish codes
    /// have four digits.
    /// </summary>
    private static bool CanBeCodeOf(Stops.PostalPlace place)
    {
        if (place.Country is not null)
        {
            return true;
        }

        var towns = Geo.OfflineGazetteer.Shared.FindAll(place.City);
        return towns.Count == 0 || towns.Any(t => Stops.LanguageHomeCountry.PostalDigitsOf(t.CountryCode) is not { } digits || digits == place.Digits);
    }

    /// <summary>
    /// The subject's only code-shaped token, when the block is the message's single order (it includes
    /// the subject). Two codes in the subject name several orders or an earlier one: then nothing.
    /// </summary>
    public static (string Value, TextSpan Span)? InSubject(FieldBlock block)
    {
        if (OwnSubject(block) is not { } own)
        {
            return null;
        }

        var subject = own.AsSpan();
        (string, TextSpan)? found = null;
        foreach (var match in CodeToken().EnumerateMatches(subject))
        {
            var value = subject.Slice(match.Index, match.Length).ToString();
            if (!IsCode(value, letterRequired: true))
            {
                continue;
            }

            if (found is not null)
            {
                return null;
            }

            found = (value, new TextSpan(block.Start + match.Index, match.Length));
        }

        return found;
    }

    /// <summary>
    /// A code after a sign or label word that says "number" in most European languages, for mail whose reference labels
    /// no language file has: a labelled field ("Optragsnummer: LU-33019", "Numri i porosisë: AL-7781", "Номер: 55/12");
    /// in the subject of the message's single order (not a reply's) a number sign ("Налог за превоз бр. 2612-118",
    /// "nr. AL-7781", "№ 55/12"); in the text a number sign right after a document title ("nalog za prevoz br. 4420/26").
    /// The sign says the code is a number, so country letters before it ("AL-", "LU-") do not make it a postcode here,
    /// and "55/12" is no date. Labels of phone, account, tax and customer numbers are not the order's.
    /// </summary>
    public static (string Value, TextSpan Span)? AfterNumberSign(FieldBlock block)
    {
        foreach (var field in block.Fields)
        {
            if (!IsNumberLabel(field.Label))
            {
                continue;
            }

            var value = block.Text.AsSpan(field.ValueStart, field.ValueLength);
            var token = CodeToken().Match(value.ToString());
            if (token.Success && token.Index <= 2 && IsCode(token.Value, letterRequired: false, afterNumberSign: true))
            {
                return (token.Value, new TextSpan(field.ValueStart + token.Index, token.Length));
            }
        }

        if (OwnSubject(block) is { } subject && NumberSign().Match(subject) is { Success: true } signed && IsCode(signed.Groups["v"].Value, letterRequired: false, afterNumberSign: true))
        {
            return (signed.Groups["v"].Value, new TextSpan(block.Start + signed.Groups["v"].Index, signed.Groups["v"].Length));
        }

        // In the text, a number sign only counts right after a document title of any file ("šaljemo nalog za prevoz
        // br. 4420/26"): after anything else it may number a phone, an account or a page.
        var text = block.Text;
        var from = block.OwnStart;

        // "ID 771203" in capitals, as exchanges write an entry's number in every language; not a VAT, tax or customer ID.
        for (var match = CapitalId().Match(text, from, block.End - from); match.Success; match = match.NextMatch())
        {
            var value = match.Groups["v"];
            var before = Math.Max(from, match.Index - 12);
            if (IsCode(value.Value, letterRequired: false, afterNumberSign: true) && !NotOrderNumberLabel().IsMatch(TextFold.Fold(text.AsSpan(before, match.Index - before))))
            {
                return (value.Value, new TextSpan(value.Index, value.Length));
            }
        }

        for (var match = NumberSign().Match(text, from, block.End - from); match.Success; match = match.NextMatch())
        {
            var value = match.Groups["v"];
            var before = Math.Max(from, match.Index - TitleReach);
            if (IsCode(value.Value, letterRequired: false, afterNumberSign: true) && Titles.IsInText(text.AsSpan(before, match.Index - before)))
            {
                return (value.Value, new TextSpan(value.Index, value.Length));
            }
        }

        return null;
    }

    /// <summary>How far before a number sign in the text a document title may end ("nalog za prevoz br.").</summary>
    private const int TitleReach = 28;

    /// <summary>
    /// The subject line when <paramref name="block"/> starts with it (the message's single order) and it is not a
    /// reply's: a reply's subject names the order replied to, and the new order's number is in the body or nowhere.
    /// </summary>
    private static string? OwnSubject(FieldBlock block)
    {
        if (block.Start >= block.BodyStart || block.BodyStart > block.Text.Length)
        {
            return null;
        }

        VocabularyMatchers.SubjectPrefixes(block.Text[block.Start..block.BodyStart], out var reply, out _);
        if (reply)
        {
            return null;
        }

        var subjectEnd = block.Text.IndexOf('\n', block.Start, block.BodyStart - block.Start);
        return block.Text[block.Start..(subjectEnd < 0 ? block.BodyStart : subjectEnd)];
    }

    /// <summary>Folded label words that are "number" themselves ("Nr.", "бр.", "Αρ.", Basque "zk.").</summary>
    private static readonly HashSet<string> NumberWords = new(StringComparer.Ordinal) { "nr", "no", "br", "zk", "бр", "n°", "nº", "αρ" };

    /// <summary>Starts of folded words that say "number" ("numero", "numri", "номер", "αριθμός", "№5").</summary>
    private static readonly string[] NumberWordStarts = ["num", "ном", "αριθμ", "№"];

    /// <summary>Ends of compounds that say "number" ("auftragsnummer", "ordernumber", "tilausnumero", "заявкиномер").</summary>
    private static readonly string[] NumberWordEnds = ["nummer", "number", "numero", "numer", "номер"];

    /// <summary>A folded label one of whose words says "number" (<see cref="NumberWords"/>, a start or a compound end), not of a phone, an account or a customer.</summary>
    private static bool IsNumberLabel(string label)
    {
        if (NotOrderNumberLabel().IsMatch(label))
        {
            return false;
        }

        foreach (var word in label.Split([' ', '.', ':', '-', '/', '#', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (NumberWords.Contains(word) || NumberWordStarts.Any(s => word.StartsWith(s, StringComparison.Ordinal))
                || NumberWordEnds.Any(e => word.EndsWith(e, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <param name="slashNumber">
    /// Also a number of digits with a slash ("Ordú iompair 44/27", "Nalog 771/26"): after a document title it is the
    /// document's number, as after a number sign, unless it is a day and month that exist.
    /// </param>
    private static (string Value, TextSpan Span)? After(FieldBlock block, PhraseSet phrases, bool letterRequired, bool slashNumber = false)
    {
        var folded = block.Folded;
        var lineStart = block.Start;
        var foldedStart = 0;
        while (lineStart <= block.End && foldedStart <= folded.Length)
        {
            var lineEnd = block.Text.IndexOf('\n', lineStart, block.End - lineStart);
            lineEnd = lineEnd < 0 ? block.End : lineEnd;
            var foldedEnd = folded.IndexOf('\n', foldedStart);
            foldedEnd = foldedEnd < 0 ? folded.Length : foldedEnd;
            var line = block.Text.AsSpan(lineStart, lineEnd - lineStart);
            var foldedLine = folded.AsSpan(foldedStart, foldedEnd - foldedStart);
            if (InLine(line, foldedLine, phrases, letterRequired, slashNumber) is { } hit
                && !ReferenceReader.IsForeignContext(line[..Math.Min(hit.LabelAt, line.Length)]))
            {
                return (hit.Value, new TextSpan(lineStart + hit.ValueAt, hit.Value.Length));
            }

            lineStart = lineEnd + 1;
            foldedStart = foldedEnd + 1;
        }

        return null;
    }

    private static (string Value, int ValueAt, int LabelAt)? InLine(ReadOnlySpan<char> line, ReadOnlySpan<char> foldedLine, PhraseSet phrases, bool letterRequired, bool slashNumber)
    {
        var offset = 0;
        while (offset < foldedLine.Length)
        {
            var at = phrases.Find(foldedLine[offset..], out var length);
            if (at < 0)
            {
                return null;
            }

            var labelAt = offset + at;
            if (FirstCodeAfter(foldedLine[(labelAt + length)..], slashNumber) is { } foldedValue)
            {
                // The value is found again in the line as written (folding keeps ASCII codes but for their case).
                var valueAt = line.IndexOf(foldedValue.AsSpan(), StringComparison.OrdinalIgnoreCase);
                if (valueAt >= 0 && IsCodeOrSlashNumber(line.Slice(valueAt, foldedValue.Length).ToString(), letterRequired, slashNumber))
                {
                    return (line.Slice(valueAt, foldedValue.Length).ToString(), valueAt, Math.Min(labelAt, valueAt));
                }
            }

            offset = labelAt + length;
        }

        return null;
    }

    /// <summary>
    /// The first of at most three tokens after a label that holds a digit, when the gap before each is
    /// short (separators such as ":", "#", "nr.", or a word such as "er", "je", "is"); null when that
    /// token is not code-shaped enough to be judged by <see cref="IsCode"/> later.
    /// </summary>
    private static string? FirstCodeAfter(ReadOnlySpan<char> rest, bool slashNumber)
    {
        var previousEnd = 0;
        var tokens = 0;
        foreach (var match in CodeToken().EnumerateMatches(rest))
        {
            if (match.Index - previousEnd > (tokens == 0 ? 24 : 4) || ++tokens > 3)
            {
                return null;
            }

            var token = rest.Slice(match.Index, match.Length);
            if (token.ContainsAnyInRange('0', '9'))
            {
                return IsCodeOrSlashNumber(token.ToString(), letterRequired: false, slashNumber) ? token.ToString() : null;
            }

            previousEnd = match.Index + match.Length;
        }

        return null;
    }

    /// <summary>
    /// A reference: 3 to 40 characters with at least three digits; letters, or else at least four digits;
    /// not a date, time or year, not a postcode with its country letters, not a UN number or a calendar week.
    /// After a number sign (<paramref name="afterNumberSign"/>) the sign has said it is a number: three digits
    /// suffice, country letters do not make it a postcode ("AL-7781"), and only a day and month that exist make
    /// it a date ("55/12" is none).
    /// </summary>
    internal static bool IsCode(string value, bool letterRequired, bool afterNumberSign = false)
    {
        var digitCount = value.Count(char.IsAsciiDigit);
        if (value.Length is < 3 or > 40 || digitCount < 3 || (DateOrTime().IsMatch(value) && (!afterNumberSign || IsRealDate(value))))
        {
            return false;
        }

        var hasLetter = value.Any(char.IsLetter);
        if (!hasLetter)
        {
            return !letterRequired && digitCount >= (afterNumberSign ? 3 : 4) && digitCount <= 12;
        }

        var prefix = LetterPrefix().Match(value);
        if (prefix.Success)
        {
            var letters = prefix.Groups["l"].Value;
            var digits = prefix.Groups["d"].Value;
            if (NotReferencePrefixes.Contains(letters) || (!afterNumberSign && PostcodePrefixes.Contains(letters) && digits.Length is >= 3 and <= 5))
            {
                return false;
            }
        }

        // Units and measures written together ("13.6m", "24t", "120x80") are not codes.
        return !Measure().IsMatch(value);
    }

    private static bool IsCodeOrSlashNumber(string value, bool letterRequired, bool slashNumber) =>
        IsCode(value, letterRequired) || (slashNumber && value.Contains('/') && value.All(c => char.IsAsciiDigit(c) || c == '/') && IsCode(value, letterRequired: false, afterNumberSign: true));

    /// <summary>
    /// Whether a value of <see cref="DateOrTime"/>'s shape is a date or time that exists. Only a two-part value can be
    /// something else: "55/12" fits neither day/month nor month/day.
    /// </summary>
    private static bool IsRealDate(string value)
    {
        var parts = value.Split(['.', '/', '-', ':']);
        if (parts.Length != 2 || !int.TryParse(parts[0], out var first) || !int.TryParse(parts[1], out var second))
        {
            return true;
        }

        return (first is >= 1 and <= 31 && second is >= 1 and <= 12) || (first is >= 1 and <= 12 && second is >= 1 and <= 31);
    }

    /// <summary>A code-shaped token: letters and digits with inner separators, starting and ending with a letter or digit, not followed by either.</summary>
    private const string Code = @"[\p{L}\p{N}](?:[\p{L}\p{N}/\-._]{0,38}[\p{L}\p{N}])?(?![\p{L}\p{N}])";

    /// <summary>A number sign in a subject and the code after it ("nr. AL-7781", "бр. 2612-118", "zk. BG-5521", "№ 55/12", "N° 4471", "ΑΡ. 2027-044", "#HR-55812").</summary>
    [GeneratedRegex(@"(?:№|(?<![\p{L}\p{N}&])#|\b[Nn][°º]|\b(?:[Nn][Rr]|[Nn][Oo]|[Bb][Rr]|[Zz][Kk]|[Бб][Рр]|[Αα][Ρρ])\.|\b[Nn][Rr]\b)\s*:?\s*(?<v>" + Code + ")", RegexOptions.CultureInvariant)]
    private static partial Regex NumberSign();

    /// <summary>"ID 771203", "ID: VT-99812", "ID#4471": "ID" in capitals as a word of its own, then the code.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])ID(?![\p{L}\p{N}])\s?[:#]?\s?(?<v>" + Code + ")", RegexOptions.CultureInvariant)]
    private static partial Regex CapitalId();

    /// <summary>Labels of numbers that are not the order's: phone, fax, account, tax, registration, customer, vehicle.</summary>
    [GeneratedRegex(@"tel|fax|phone|mob|handy|gsm|konto|account|iban|vat|steuer|tax|nip\b|\bust\b|\buid\b|kunden|customer|client|kund|kennz|plate|regist|тел|моб|факс", RegexOptions.CultureInvariant)]
    private static partial Regex NotOrderNumberLabel();

    /// <summary>Code-shaped tokens: letters and digits with inner separators, starting and ending with a letter or digit.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}/\-._])" + Code, RegexOptions.CultureInvariant)]
    private static partial Regex CodeToken();

    [GeneratedRegex(@"^(?:\d{1,2}[./-]\d{1,2}(?:[./-](?:\d{2}|\d{4}))?\.?|\d{4}-\d{2}-\d{2}|\d{1,2}[:.]\d{2}(?:-\d{1,2}[:.]\d{2})?|(?:19|20)\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateOrTime();

    [GeneratedRegex(@"^(?<l>\p{L}{1,4})[\s\-]?(?<d>\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex LetterPrefix();

    [GeneratedRegex(@"^\d+(?:[.,]\d+)?\s?(?:m|t|kg|km|h|x\d+(?:x\d+)?|ldm|lbs?|°c)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Measure();
}
