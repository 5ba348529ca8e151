using System.Buffers;
using System.Text.RegularExpressions;

namespace FleetManager.Core.Rules.Fields;

/// <summary>
/// Finds the matches of the weight phrase pattern (<see cref="QuantityReader"/>'s <c>WeightPhrase</c>)
/// one by one, exactly as <see cref="Regex.Match(string, int)"/> from the same position would, but
/// starts the pattern only near a place where a unit letter follows a number.
/// </summary>
/// <remarks>
/// Why: the pattern may start with a word such as "ca", "ok", "about" or "max", so the regex engine
/// tries it at almost every letter of the block, and it is run over every order block; yet every match
/// ends in a number, optional spaces or tabs (<c>[ \t\u00A0]*</c>) and a unit that begins with
/// k, t, т or к (the Kelvin sign counts as k in a case-insensitive pattern). Such "unit after a number"
/// places are rare, and a match cannot start much before one:
/// <list type="bullet">
/// <item>Between a match's start and its unit there are only the optional approximation word (at most
/// 13 letters, "approximately") and whitespace, digits, '.', ',' or '\''; so walking back from the
/// unit over those characters ends at most 13 characters after the match's start.</item>
/// <item>A unit letter of the first such place that is not the match's own unit can only lie inside the
/// approximation word ("ok", "kb", "etwa", "около" ...), which also puts the match's start within 13
/// characters before it.</item>
/// <item>After the approximation word and its whitespace, everything the pattern reads (number,
/// spaces, unit, the one character after the unit) lies on one line, so a search on the text cut
/// after the end of that line gives the same answer for every start up to the unit.</item>
/// </list>
/// The pattern's <c>\d</c> also matches non-ASCII decimal digits; the scanner finds only ASCII digits,
/// so a text that has another decimal digit is searched with the plain pattern.
/// </remarks>
internal static class WeightPhraseScanner
{
    /// <summary>The longest approximation word ("approximately") plus margin: how far before the number a match can start.</summary>
    private const int LongestLeadIn = 16;

    /// <summary>Every character a case-insensitive culture-invariant regex equates with k, t, т or к.</summary>
    internal const string UnitInitials = "KkTt\u212A\u0422\u0442\u041A\u043A";

    private static readonly SearchValues<char> UnitInitialLetters = SearchValues.Create(UnitInitials);

    /// <summary>The next match of <paramref name="pattern"/> at or after <paramref name="position"/> in <paramref name="input"/> (as <c>pattern.Match(input, position)</c>).</summary>
    public static Match Next(Regex pattern, string input, int position)
    {
        if (HasNonAsciiDigit(input.AsSpan(position)))
        {
            return pattern.Match(input, position);
        }

        while (true)
        {
            var unit = NextUnitAfterNumber(input, position);
            if (unit < 0)
            {
                return Match.Empty;
            }

            // No match starts between position and from (see the remarks).
            var walk = unit - 1;
            while (walk >= position && IsNumberOrSpace(input[walk]))
            {
                walk--;
            }

            var from = Math.Max(position, walk + 1 - LongestLeadIn);

            // Everything a match starting at or before the unit reads lies before the end of the line of
            // the first non-whitespace character at least LongestLeadIn characters after the unit.
            var probe = Math.Min(input.Length, unit + LongestLeadIn);
            while (probe < input.Length && char.IsWhiteSpace(input[probe]))
            {
                probe++;
            }

            var lineEnd = probe < input.Length ? input.IndexOf('\n', probe) : -1;
            var window = input.AsSpan(0, lineEnd < 0 ? input.Length : lineEnd + 1);
            foreach (var found in pattern.EnumerateMatches(window, from))
            {
                if (found.Index <= unit)
                {
                    // The same match in the whole input, with its groups.
                    return pattern.Match(input, found.Index);
                }

                break;
            }

            position = unit + 1;
        }
    }

    /// <summary>The first index at or after <paramref name="position"/> of a unit letter that follows a digit and only spaces, tabs or no-break spaces.</summary>
    private static int NextUnitAfterNumber(string input, int position)
    {
        // A unit at position itself or after spaces may follow a digit before position.
        var at = position;
        while (at < input.Length && input[at] is ' ' or '\t' or '\u00A0')
        {
            at++;
        }

        if (at < input.Length && UnitInitialLetters.Contains(input[at]))
        {
            var before = position - 1;
            while (before >= 0 && input[before] is ' ' or '\t' or '\u00A0')
            {
                before--;
            }

            if (before >= 0 && char.IsDigit(input[before]))
            {
                return at;
            }
        }

        var i = position;
        while (i < input.Length)
        {
            var digit = input.AsSpan(i).IndexOfAnyInRange('0', '9');
            if (digit < 0)
            {
                return -1;
            }

            var next = i + digit + 1;
            while (next < input.Length && input[next] is ' ' or '\t' or '\u00A0')
            {
                next++;
            }

            if (next < input.Length && UnitInitialLetters.Contains(input[next]))
            {
                return next;
            }

            i = i + digit + 1;
        }

        return -1;
    }

    /// <summary>Whitespace, a digit or a number separator: what lies between a match's approximation word and its unit.</summary>
    private static bool IsNumberOrSpace(char c) => char.IsWhiteSpace(c) || char.IsDigit(c) || c is '.' or ',' or '\'';

    /// <summary>True when <paramref name="text"/> has a decimal digit outside ASCII (all of them are at U+0660 or above).</summary>
    private static bool HasNonAsciiDigit(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (true)
        {
            var found = text[offset..].IndexOfAnyInRange('\u0660', '\uFFFF');
            if (found < 0)
            {
                return false;
            }

            if (char.IsDigit(text[offset + found]))
            {
                return true;
            }

            offset += found + 1;
        }
    }
}
