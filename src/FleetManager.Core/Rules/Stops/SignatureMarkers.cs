using System.Text.RegularExpressions;

namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// Recognises where a sender's sign-off starts (the greeting before the signature block, "Sent from
/// my iPhone", the "--" separator) and where a forwarded or quoted message starts again. Addresses
/// between the two are the sender's own and are never stops.
/// </summary>
internal static partial class SignatureMarkers
{
    /// <summary>
    /// True when the line opens a sign-off: what follows is the sender's signature. A line that introduces what follows
    /// (ends with a colon) or runs on as a sentence ("Thanks for the rates. Please book the following at the agreed
    /// £590:") is text, whatever word it starts with.
    /// </summary>
    public static bool IsClosing(string line) => MayStartClosing(line) && Closing().IsMatch(line) && !IsSentence(line);

    /// <summary>More words than a sign-off has ("Mit freundlichen Grüßen aus Augsburg", "Thanks and kind regards, Anna Smith").</summary>
    private const int MaxClosingWords = 8;

    private static bool IsSentence(string line)
    {
        var trimmed = line.AsSpan().TrimEnd();
        if (trimmed.EndsWith(':'))
        {
            return true;
        }

        var words = 0;
        var inWord = false;
        foreach (var c in trimmed)
        {
            var isWordChar = !char.IsWhiteSpace(c);
            if (isWordChar && !inWord && ++words > MaxClosingWords)
            {
                return true;
            }

            inWord = isWordChar;
        }

        return false;
    }

    /// <summary>
    /// The first two characters (lower case) of every alternative of <see cref="Closing"/> that starts
    /// with two ASCII letters or "--"/"__": "mi(t)", "fr(eundlich)", "be(st)", "re(gards)", "br", "th(anks)",
    /// "ud(vozlettel)" ... "z" and "s" followed by white space ("z poważaniem", "s pozdravem") are
    /// checked apart. A sign-off line starts with one of these, so most lines ("Beladestelle",
    /// "Gewicht", "12 Paletten") never reach the pattern.
    /// </summary>
    private static readonly string[] ClosingPairs =
    [
        "--", "__", "mi", "fr", "be", "vi", "li", "he", "gr", "ki", "wa", "re", "br", "ch", "th", "ma", "po", "co", "bi", "sa", "di",
        "un", "at", "cu", "me", "vr", "mv", "ud", "ti", "ko", "mu", "le", "pa", "se", "tr", "wy", "vo", "en",
    ];

    /// <summary><see cref="ClosingPairs"/> as a table indexed by first * 128 + second (ASCII, lower case).</summary>
    private static readonly bool[] ClosingPairTable = PairTable(ClosingPairs);

    private static bool[] PairTable(string[] pairs)
    {
        var table = new bool[128 * 128];
        foreach (var pair in pairs)
        {
            table[(pair[0] * 128) + pair[1]] = true;
        }

        return table;
    }

    /// <summary>The ASCII characters a forward marker can start with: "-----", "begin forwarded", "From:", "Von:", "Od:", "De:", "Da:", "Van:", "Feladó:".</summary>
    private static readonly System.Buffers.SearchValues<char> ForwardStarts = System.Buffers.SearchValues.Create("-bdfovBDFOV");

    /// <summary>
    /// False only when the line cannot match a pattern of this class (all are "^\s*" then an
    /// alternative of at least one character): blank, or its first non-white character is ASCII and
    /// not one <paramref name="starts"/> lists. A non-ASCII first character (Cyrillic, "ü", the
    /// Kelvin sign that case-insensitively equals "k") always goes to the pattern.
    /// </summary>
    private static bool MayStart(string line, System.Buffers.SearchValues<char> starts)
    {
        var i = 0;
        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        if (i == line.Length)
        {
            return false;
        }

        var c = line[i];
        return !char.IsAscii(c) || starts.Contains(c);
    }

    /// <summary>
    /// False only when the line cannot match <see cref="Closing"/> (anchored: "^\s*" then an
    /// alternative of at least two characters): blank, a single character, or its first two
    /// non-white characters are ASCII and no alternative starts with them (case-insensitively; for
    /// ASCII letters that is plain lower-casing). A non-ASCII character among the two (Cyrillic,
    /// "ü", the Kelvin sign that case-insensitively equals "k", a non-ASCII space) always goes to the pattern.
    /// </summary>
    private static bool MayStartClosing(string line)
    {
        var i = 0;
        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        if (i + 1 >= line.Length)
        {
            return false;
        }

        var first = line[i];
        var second = line[i + 1];
        if (!char.IsAscii(first) || !char.IsAscii(second))
        {
            return true;
        }

        if (char.IsWhiteSpace(second))
        {
            // "z\s+powa...", "z\s+wyrazami", "s\s+pozdrav..."
            return first is 'z' or 'Z' or 's' or 'S';
        }

        return ClosingPairTable[(char.ToLowerInvariant(first) * 128) + char.ToLowerInvariant(second)];
    }

    /// <summary>True when the line starts a forwarded or quoted message (its content is read again).</summary>
    public static bool IsForwardStart(string line) => MayStart(line, ForwardStarts) && Forward().IsMatch(line);

    [GeneratedRegex(@"^\s*(?:--\s*$|__+\s*$|(?:mit\s+)?(?:freundlich\w*|besten?|viele|liebe|herzliche)\s+gr(?:ü|ue|u)(?:ß|ss)|(?:viele\s+)?gr(?:ü|ue|u)(?:ß|ss)e?\b(?!\s+gott)|(?:best|kind|warm)(?:est)?\s+regards|regards\b|br\b|cheers\b|thanks?\b|thank\s+you|many\s+thanks|thx\b|pozdrawiam|z\s+powa[żz]aniem|z\s+wyrazami|cordialement|bien\s+(?:cordialement|[àa]\s+vous)|salutations|cordiali\s+saluti|distinti\s+saluti|saluti\b|un\s+saludo|saludos|atentamente|cumprimentos|met\s+vriendelijke\s+groet|vriendelijke\s+groet|groeten|mvg\b|s\s+pozdravem|s\s+pozdravom|[üu]dv[öo]zlettel|tisztelettel|k[öo]sz[öo]nettel|cu\s+stim[ăa]|cu\s+respect|mul[țt]umesc|поздрави|с\s+уважение|lep\s+pozdrav|pagarbiai|saygılarımızla|saygilarimizla|sent\s+from\s+my|trimis\s+de\s+pe|wys[łl]ane\s+z|von\s+meinem\s+iphone|envoy[ée]\s+de\s+mon)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Closing();

    [GeneratedRegex(@"^\s*(?:-{3,}\s*(?:forwarded|original|weitergeleitete|urspr[üu]ngliche|wiadomo|message|mensaje|messaggio|message\s+d'origine|původní|preposlan|továbbított|mesaj)|begin\s+forwarded|-{5,}|(?:from|von|od|de|da|van|od|от|feladó|from):\s.*[@<])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Forward();
}
