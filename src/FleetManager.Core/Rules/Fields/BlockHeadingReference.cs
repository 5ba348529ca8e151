using System.Text.RegularExpressions;
using FleetManager.Core.Model;
using FleetManager.Core.Rules.Stops;

namespace FleetManager.Core.Rules.Fields;

/// <summary>
/// The reference that heads an order's block in a message of several orders: a code alone on the
/// block's first line ("CF-27-0114" above its loading and unloading lines) or the first cell of a
/// table row ("KCL/02/0871   62-800 Kalisz   23.02 …"). A code is one token of letters and at least
/// three digits (with "-", "/", "_" or "." between); a country-prefixed postal code ("LT-57164") is not one.
/// A heading of a few words and a number sign before a number ("Carico n. 5520114", "Load # 88120", "Fracht Nr. 4471")
/// gives that number, digits alone included: the sign says it is one.
/// </summary>
internal static partial class BlockHeadingReference
{
    /// <summary>The heading code of <paramref name="block"/> in <paramref name="text"/>, or null.</summary>
    public static (string Value, TextSpan Span)? Read(string text, OrderBlock block)
    {
        var start = block.Start;
        while (start < block.End && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var lineEnd = text.IndexOf('\n', start, block.End - start);
        if (lineEnd < 0)
        {
            lineEnd = block.End;
        }

        start = AfterNumbering(text, start, block.End);
        var tokenEnd = start;
        while (tokenEnd < lineEnd && !char.IsWhiteSpace(text[tokenEnd]) && text[tokenEnd] is not ('|' or ';'))
        {
            tokenEnd++;
        }

        var token = text[start..tokenEnd].TrimEnd(':', ',');
        if (!IsCode(token))
        {
            return SignedHeading(text, block);
        }

        // Alone on its line, or the first cell of a row (two spaces, a tab, " | " or ";" after it).
        var rest = text.AsSpan(tokenEnd, lineEnd - tokenEnd).TrimEnd('\r');
        var alone = rest.IsWhiteSpace();
        var cell = rest.StartsWith("  ") || rest.StartsWith("\t") || rest.StartsWith(" |") || rest.StartsWith("|") || rest.StartsWith(";");
        return alone || cell ? (token, new TextSpan(start, token.Length)) : null;
    }

    /// <summary>
    /// A heading with a number sign on one of the block's first lines before its first stop line: an alert's
    /// introduction may stand above its first entry's heading.
    /// </summary>
    private static (string Value, TextSpan Span)? SignedHeading(string text, OrderBlock block)
    {
        var lineStart = block.Start;
        for (var lines = 0; lines < MaxHeadingLines && lineStart < block.End;)
        {
            var lineEnd = text.IndexOf('\n', lineStart, block.End - lineStart);
            lineEnd = lineEnd < 0 ? block.End : lineEnd;
            if (text.AsSpan(lineStart, lineEnd - lineStart).IsWhiteSpace())
            {
                lineStart = lineEnd + 1;
                continue;
            }

            lines++;
            if (SignedHeading().Match(text, lineStart, lineEnd - lineStart) is { Success: true } signed && signed.Groups["v"].Value.Count(char.IsAsciiDigit) >= 3)
            {
                return (signed.Groups["v"].Value, new TextSpan(signed.Groups["v"].Index, signed.Groups["v"].Length));
            }

            // The entry's stops have begun: a stop label with its value on the line (an introduction that ends in a colon
            // and names the loads, "Nuovi carichi …:", has none).
            var line = text[lineStart..lineEnd];
            if (LineLabel.Read(line) is { Kind: StopLabelKind.Loading or StopLabelKind.Unloading } label && !line.AsSpan(Math.Min(label.ValueStart, line.Length)).IsWhiteSpace())
            {
                return null;
            }

            lineStart = lineEnd + 1;
        }

        return null;
    }

    /// <summary>How many of a block's first lines with text may hold its heading.</summary>
    private const int MaxHeadingLines = 4;

    /// <summary>Past a list number that opens the line ("1) BG-3301", "2. BG-3302"): where the heading starts.</summary>
    private static int AfterNumbering(string text, int start, int end)
    {
        var i = start;
        while (i < end && i - start < 2 && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i > start && i + 1 < end && text[i] is ')' or '.' && text[i + 1] == ' ' ? i + 2 : start;
    }

    private static bool IsCode(string token)
    {
        if (token.Length is < 5 or > 30)
        {
            return false;
        }

        int letters = 0, digits = 0;
        foreach (var c in token)
        {
            if (char.IsLetter(c))
            {
                letters++;
            }
            else if (char.IsDigit(c))
            {
                digits++;
            }
            else if (c is not ('-' or '/' or '_' or '.'))
            {
                return false;
            }
        }

        if (letters == 0 || digits < 3 || !char.IsLetterOrDigit(token[^1]))
        {
            return false;
        }

        // "LT-57164", "PL-02-672": a postal code with its country prefix (digits and at most one more dash).
        var dash = token.IndexOf('-');
        if (dash is 1 or 2 && StopCountryNames.FromCode(token[..dash]) is not null)
        {
            var rest = token[(dash + 1)..];
            return !(rest.Length <= 8 && rest.All(c => char.IsAsciiDigit(c) || c == '-') && rest.Count(c => c == '-') <= 1);
        }

        return true;
    }

    /// <summary>One to three words, a number sign and a number, alone on the line: "Carico n. 5520114", "Load # 88120".</summary>
    [GeneratedRegex(@"^\s*(?:\p{L}[\p{L}\-]*\s+){1,3}(?:[Nn][°º.]|[Nn][Rr]\.?|[Nn][Oo]\.|№|#|[Bb][Rr]\.)\s*(?<v>\p{N}[\p{L}\p{N}/\-._]*[\p{L}\p{N}])[ \t]*\r?$", RegexOptions.CultureInvariant)]
    private static partial Regex SignedHeading();
}
