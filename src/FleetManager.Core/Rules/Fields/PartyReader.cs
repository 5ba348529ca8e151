using System.Buffers;
using System.Text.RegularExpressions;
using FleetManager.Core.Model;

namespace FleetManager.Core.Rules.Fields;

/// <summary>
/// Reads who sends the order: the customer company (a labelled "Auftraggeber / Ordered by / Anbieter",
/// else the sender's signature company, the line that ends with a legal form) and the contact person
/// (a labelled contact line, else the From header's person and the signature's phone).
/// </summary>
public static partial class PartyReader
{
    /// <summary>
    /// What <paramref name="document"/> says about who sends it, read once for all its order blocks: the sender, the last
    /// line of the body that is only a company name (its legal form last), and the signature's person (the line after the
    /// greeting) and labelled phone (after the greeting, else anywhere in the body).
    /// </summary>
    public static MessageParties ReadMessage(RulesDocument document)
    {
        var text = document.Text;
        var regionEnd = Math.Min(document.BodyEnd, text.Length);
        var regionStart = Math.Min(document.BodyStart, regionEnd);
        var (name, phone) = SignatureContact(text, regionStart, regionEnd);
        return new MessageParties(ForwardedSender.Of(document.Email, document.Body), SignatureCompany(text, regionStart, regionEnd), name, phone);
    }

    /// <summary>The ordering company, or null.</summary>
    public static (string Value, TextSpan Span)? Customer(FieldBlock block, MessageParties parties, bool exchangeEntry)
    {
        foreach (var field in block.Fields)
        {
            if (field.LabelStartsWith(FieldLabels.Customer) && CompanyIn(block.Text, field.ValueStart, field.ValueEnd) is { } labelled)
            {
                return labelled;
            }
        }

        if (exchangeEntry && CompanyIn(block.Text, block.Start, block.End) is { } posting)
        {
            return posting;
        }

        // The signature covers every order block of the message.
        if (parties.SignatureCompany is { } signature)
        {
            return signature;
        }

        if (parties.Sender?.Name is { } name)
        {
            foreach (var part in SegmentSplit().Split(name))
            {
                if (LegalForm().IsMatch(part))
                {
                    return (part.Trim(), new TextSpan(0, 0));
                }
            }
        }

        return null;
    }

    /// <summary>The last line of <paramref name="text"/>[<paramref name="regionStart"/>..<paramref name="regionEnd"/>) that is only a company name, or null.</summary>
    private static (string, TextSpan)? SignatureCompany(string text, int regionStart, int regionEnd)
    {
        (string, TextSpan)? signature = null;
        var lineStart = regionStart;
        while (lineStart < regionEnd)
        {
            var lineEnd = text.IndexOf('\n', lineStart, regionEnd - lineStart);
            if (lineEnd < 0)
            {
                lineEnd = regionEnd;
            }

            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            if (line.ContainsAny(SegmentSeparators))
            {
                foreach (var segment in SegmentSplit().Split(line.ToString()))
                {
                    var trimmed = segment.Trim().TrimEnd(',', ';');
                    if (IsStandaloneCompany(trimmed))
                    {
                        var index = text.IndexOf(trimmed, lineStart, StringComparison.Ordinal);
                        signature = (trimmed, new TextSpan(Math.Max(index, lineStart), trimmed.Length));
                    }
                }
            }
            else
            {
                // Without a separator the line is one segment; only a company name becomes a string.
                var whole = line.Trim().TrimEnd(",;");
                if (IsStandaloneCompany(whole))
                {
                    var trimmed = whole.ToString();
                    var index = text.IndexOf(trimmed, lineStart, StringComparison.Ordinal);
                    signature = (trimmed, new TextSpan(Math.Max(index, lineStart), trimmed.Length));
                }
            }

            lineStart = lineEnd + 1;
        }

        return signature;
    }

    /// <summary>The contact person: name, phone and e-mail, any of which may be null.</summary>
    public static (Contact Contact, TextSpan Span)? Contact(FieldBlock block, MessageParties parties, bool exchangeEntry)
    {
        string? name = null, phone = null, email = null;
        var span = new TextSpan(0, 0);
        foreach (var field in block.Fields)
        {
            if (field.LabelStartsWith(FieldLabels.ContactPerson) || (exchangeEntry && field.LabelStartsWith(FieldLabels.Customer)))
            {
                var value = block.Text.Substring(field.ValueStart, field.ValueLength);
                name ??= PersonIn(value);
                phone ??= Phone().Match(value) is { Success: true } p ? p.Value.Trim() : null;
                email ??= EmailPattern().Match(value) is { Success: true } e ? e.Value : null;
                span = new TextSpan(field.ValueStart, field.ValueLength);
                break;
            }
        }

        if (exchangeEntry)
        {
            var text = block.Span.ToString();
            phone ??= Phone().Match(text) is { Success: true } p ? p.Value.Trim() : null;
            email ??= EmailPattern().Match(text) is { Success: true } e ? e.Value : null;
            name ??= PersonAfterTitle().Match(text) is { Success: true } t ? t.Groups["name"].Value : null;
        }
        else
        {
            if (parties.Sender is { } from && !NoReply().IsMatch(from.Address ?? ""))
            {
                email ??= from.Address;
                name ??= PersonName(from.Name);
            }

            name ??= parties.SignatureName;
            phone ??= parties.SignaturePhone;
        }

        return name is null && phone is null && email is null ? null : (new Contact(name, phone, email), span);
    }

    /// <summary>
    /// The signature's person (the line after the greeting) and its labelled phone (after the greeting, else anywhere in
    /// <paramref name="text"/>[<paramref name="signatureStart"/>..<paramref name="signatureEnd"/>)).
    /// </summary>
    private static (string? Name, string? Phone) SignatureContact(string text, int signatureStart, int signatureEnd)
    {
        var greeting = Greeting().Match(text, signatureStart, signatureEnd - signatureStart);
        var from = greeting.Success ? greeting.Index : signatureStart;
        string? name = null;
        if (greeting.Success)
        {
            var nextLine = NameLine().Match(text, greeting.Index + greeting.Length, signatureEnd - greeting.Index - greeting.Length);
            name = nextLine.Success ? nextLine.Groups["name"].Value.Trim() : null;
        }

        var labelled = PhoneLine().Match(text, from, signatureEnd - from);
        return (name, labelled.Success ? labelled.Groups["phone"].Value.Trim() : null);
    }

    /// <summary><see cref="SegmentSplit"/> splits only at one of these; a line without them is one segment.</summary>
    private static readonly SearchValues<char> SegmentSeparators = SearchValues.Create("|·-–");

    /// <summary>
    /// The last character of every legal form in <see cref="LegalForms"/> ("GmbH", "Sp. z o.o.", "ООД", "AŞ" ...).
    /// A standalone company name ends with its legal form, so a line ending otherwise is not one.
    /// </summary>
    private static readonly SearchValues<char> LegalFormEnds = SearchValues.Create("HG.dCcALltVRnSBДŞyaÜfkЛОDjSFPΕ");

    /// <summary>A signature segment (already trimmed) that is only a company name; the cheap tests run before the pattern.</summary>
    private static bool IsStandaloneCompany(ReadOnlySpan<char> trimmed)
        => trimmed.Length is > 3 and < 80
            && LegalFormEnds.Contains(trimmed.TrimEnd()[^1])
            && !trimmed.Contains(':')
            && StandaloneCompany().IsMatch(trimmed);

    private static (string, TextSpan)? CompanyIn(string text, int start, int end)
    {
        var match = Company().Match(text, start, end - start);
        return match.Success ? (match.Value.Trim(), new TextSpan(match.Index, match.Length)) : null;
    }

    private static string? PersonIn(string value)
    {
        var titled = PersonAfterTitle().Match(value);
        if (titled.Success)
        {
            return titled.Groups["name"].Value;
        }

        var first = value.Split([',', '|', '·', ';'], 2)[0].Trim();
        return PersonName(first);
    }

    /// <summary>A person's name from a display name ("Haller, Markus" → "Markus Haller"), or null for a team or company.</summary>
    internal static string? PersonName(string? display)
    {
        if (string.IsNullOrWhiteSpace(display))
        {
            return null;
        }

        var name = SegmentSplit().Split(display)[0].Trim().Trim('"', '\'');
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0 && name.IndexOf(',', comma + 1) < 0)
        {
            name = name[(comma + 1)..].Trim() + " " + name[..comma].Trim();
        }

        return PersonPattern().IsMatch(name) && !NotAPerson().IsMatch(name) && !LegalForm().IsMatch(name) ? name : null;
    }

    private const string LegalForms = @"(?:GmbH(?:\s*&\s*Co\.?\s*KG)?|Ltd\.?|Limited|LLC|Inc\.|plc|Sp\.\s*z\s*o\.\s*o\.|sp\.\s*j\.|sp\.\s*k\.|S\.A\.|SA|s\.\s?r\.\s?o\.|spol\.\s*s\s*r\.\s*o\.|a\.\s?s\.|S\.R\.L\.|SRL|S\.r\.l\.|Srl|Kft\.?|Zrt\.?|Nyrt\.?|Bt\.|ЕООД|ООД|ЕАД|АД|B\.V\.|BV|N\.V\.|NV|AG|KG|OHG|GbR|e\.K\.|eGen|S\.p\.A\.|SpA|SARL|SAS|S\.A\.S\.|S\.L\.|SL|S\.n\.c\.|s\.c\.|UAB|d\.o\.o\.|d\.d\.|A\.Ş\.|AŞ|AB|A/S|ApS|Oy|AS|Lda\.?|Ltda\.?|Unipessoal|Α\.Ε\.|ΑΕ|Ε\.Π\.Ε\.|ΙΚΕ|Ο\.Ε\.|OÜ|ehf\.?|Sh\.p\.k\.?|ДООЕЛ|ДОО|DOOEL|EOOD|Oyj|ASA|IVS|Sagl|SNC|EURL|BVBA|VOF|LLP|PLC|j\.d\.o\.o\.|a\.d\.)";

    [GeneratedRegex(@"[„""“]?[\p{Lu}\d][\p{L}\p{N}&'’.\-„“""]*(?:[ \t]+(?:&[ \t]+)?[\p{L}\p{N}&'’.\-„“""/]+){0,6}?[ \t]+" + LegalForms + @"(?=$|[\s,;|·)–])", RegexOptions.CultureInvariant)]
    private static partial Regex Company();

    [GeneratedRegex(@"^[„""“]?[\p{Lu}\d][\p{L}\p{N}&'’.\-„“""]*(?:[ \t]+(?:&[ \t]+)?[\p{L}\p{N}&'’.\-„“""/]+){0,6}?[ \t]+" + LegalForms + @"\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex StandaloneCompany();

    [GeneratedRegex(@"(?<![\p{L}])" + LegalForms + @"(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex LegalForm();

    [GeneratedRegex(@"\s+[|·]\s+|\s+[-–]\s+")]
    private static partial Regex SegmentSplit();

    [GeneratedRegex(@"^[\p{Lu}][\p{Ll}'’\-]+(?:[ \t]+[\p{Lu}][\p{L}'’\-]+){1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex PersonPattern();

    [GeneratedRegex(@"\b(?:logisti\w*|transport\w*|spedi\w*|service\w*|team|disposition|dispo|traffic|traffico|ufficio|tms|card|accounts?|buchhaltung|support|admin\w*|info|office|planning|börse|boerse|exchange|credit|control|amministrazione|administración|dispecerat|newsletter|noreply|cargo|freight|forwarding|trans\w*|auftrag\w*|zayavki|rozliczeń|debiteuren|comptabilité|expedi\w*|suchagent|powiadomienia|webmail)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAPerson();

    [GeneratedRegex(@"\b(?:Hr\.|Herr|Fr\.|Frau|Mr\.?|Mrs\.?|Ms\.?|p\.|pan|pani|M\.|Mme|Sig\.(?:ra)?|Sr\.|Sra\.|г-н|г-жа)\s+(?<name>[\p{Lu}][\p{L}'’\-]+(?:\s+[\p{Lu}][\p{L}'’\-]+){0,2})|[–-]\s+(?<name>[\p{Lu}][\p{Ll}'’\-]+(?:\s+[\p{Lu}][\p{L}'’\-]+){1,2})(?=,)|\|\s*(?<name>[\p{Lu}][\p{Ll}'’\-]+(?:\s+[\p{Lu}][\p{L}'’\-]+){1,2}),\s*\+", RegexOptions.CultureInvariant)]
    private static partial Regex PersonAfterTitle();

    [GeneratedRegex(@"(?:\+|00)\d{1,3}[\s\-/]?(?:\(0\))?[\s\-/]?\d{1,5}(?:[\s\-/]?\d{1,5}){1,5}|\b0\d{2,4}[\s\-/]\d{2,4}(?:[\s\-]\d{2,4}){0,3}\b|\b\d{3}\s\d{3}\s\d{3}\b")]
    private static partial Regex Phone();

    [GeneratedRegex(@"(?im)^[^\n]*?\b(?:tel|tél|telefon|telefono|teléfono|phone|fon|mob|mobil|mobile|cell|kom|tel\.|m|t|gsm|тел|моб)\b\.?\s*:?\s*(?<phone>(?:\+|00)?\d[\d\s\-/().]{5,20}\d)")]
    private static partial Regex PhoneLine();

    [GeneratedRegex(@"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?:no-?reply|do-?not-?reply|noreply-|notification|powiadomienia|suchagent|newsletter)", RegexOptions.IgnoreCase)]
    private static partial Regex NoReply();

    [GeneratedRegex(@"(?im)^\s*(?:best\s+regards|kind\s+regards|regards|cheers|thanks|thx[^\n]*|br|mit\s+freundlichen\s+grüßen|freundliche\s+grüße|viele\s+grüße|gruß[^\n]*|grüße[^\n]*|pozdrawiam|z\s+poważaniem|cordialement|bien\s+cordialement|cordiali\s+saluti|distinti\s+saluti|un\s+saludo|saludos|atentamente|s\s+pozdravem|üdvözlettel|köszönettel[^\n]*|cu\s+stimă|cu\s+stima|mulțumesc|поздрави|с\s+уважение|met\s+vriendelijke\s+groet|groeten|lp|lep\s+pozdrav|pagarbiai|saygılarımla)\s*[,!.:]?\s*$")]
    private static partial Regex Greeting();

    [GeneratedRegex(@"\G\s*\n\s*(?:i\.\s?A\.\s+|i\.\s?V\.\s+)?(?<name>[\p{Lu}][\p{Ll}'’\-]+(?:[ \t]+[\p{Lu}][\p{L}'’\-]+){1,3})[ \t]*(?:\n|$)", RegexOptions.CultureInvariant)]
    private static partial Regex NameLine();
}
