using System.Globalization;

namespace FleetManager.Core.Rules.Fields;

/// <summary>
/// Parses numbers as European freight mails write them: thousands grouped with '.', ',', ' ',
/// a no-break space or an apostrophe, decimals after ',' or '.', a trailing ",-" for whole amounts
/// (<c>24.000</c>, <c>24,000</c>, <c>24 000</c>, <c>22,5</c>, <c>1.450,00</c>, <c>1,450.00</c>,
/// <c>1'450.50</c>, <c>1.450,-</c>).
/// </summary>
public static class EuropeanNumber
{
    /// <summary>
    /// Parses <paramref name="text"/> (digits and separators only, an optional sign and ",-" suffix).
    /// A single separator followed by exactly three digits is read as a thousands separator
    /// (<c>24.000</c> = 24000), since that is what it means in weights and prices.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        text = text.Trim();
        if (text.EndsWith(",-") || text.EndsWith(".-"))
        {
            text = text[..^2];
        }

        var negative = false;
        if (text.Length > 0 && (text[0] == '-' || text[0] == '−'))
        {
            negative = true;
            text = text[1..].TrimStart();
        }
        else if (text.Length > 0 && text[0] == '+')
        {
            text = text[1..].TrimStart();
        }

        if (text.IsEmpty || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[^1]))
        {
            return false;
        }

        // Find the decimal separator: the last '.' or ',' when the other kind also occurs before it,
        // or a lone separator not followed by exactly three digits.
        var lastDot = text.LastIndexOf('.');
        var lastComma = text.LastIndexOf(',');
        var decimalAt = -1;
        if (lastDot >= 0 && lastComma >= 0)
        {
            decimalAt = Math.Max(lastDot, lastComma);
        }
        else if (lastDot >= 0 || lastComma >= 0)
        {
            var separator = lastDot >= 0 ? '.' : ',';
            var at = Math.Max(lastDot, lastComma);
            var occurrences = text.Count(separator);
            var digitsAfter = text.Length - at - 1;
            var hasGroupSpace = text.IndexOfAny(' ', '\u00A0', '\'') >= 0;
            if (occurrences == 1 && (digitsAfter != 3 || hasGroupSpace))
            {
                decimalAt = at;
            }
        }

        Span<char> buffer = stackalloc char[text.Length];
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                buffer[length++] = c;
            }
            else if (i == decimalAt)
            {
                buffer[length++] = '.';
            }
            else if (c is '.' or ',' or ' ' or '\u00A0' or '\u202F' or '\'' or '’')
            {
                // A grouping separator must be followed by exactly three digits.
                var run = 0;
                for (var j = i + 1; j < text.Length && char.IsAsciiDigit(text[j]); j++)
                {
                    run++;
                }

                if (run != 3)
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }

        if (!decimal.TryParse(buffer[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        if (negative)
        {
            value = -value;
        }

        return true;
    }

    /// <summary>Parses <paramref name="text"/> or returns null.</summary>
    public static decimal? Parse(ReadOnlySpan<char> text) => TryParse(text, out var value) ? value : null;
}
