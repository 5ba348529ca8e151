using System.Buffers;
using System.Text;

namespace FleetManager.Core.Text;

/// <summary>
/// Cheap exact pre-checks that let the rules engine skip a regular expression that cannot match:
/// each answers "could the pattern's required characters be here at all", never "is this a match".
/// </summary>
public static class TextScan
{
    private static readonly SearchValues<char> AsciiDigits = SearchValues.Create("0123456789");

    /// <summary>
    /// True when <paramref name="text"/> holds a decimal digit of any script, which is what a regex
    /// <c>\d</c> matches (Unicode category Nd), so a pattern that needs one cannot match without it.
    /// </summary>
    public static bool HasDigit(ReadOnlySpan<char> text)
    {
        if (text.ContainsAny(AsciiDigits))
        {
            return true;
        }

        if (Ascii.IsValid(text))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c >= 128 && char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}
