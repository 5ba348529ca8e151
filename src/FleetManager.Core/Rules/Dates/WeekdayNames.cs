using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Dates;

/// <summary>
/// Weekday names and their abbreviations in every language of the vocabulary files (<c>weekday.1</c> …
/// <c>weekday.7</c>: "mandag", "man", "Tue", "pią", "ütf"), folded with <see cref="TextFold"/>. Dates in
/// plans are often written after the day's name ("man 08.02", "Tue 14th", "pt. 12.03"): the name says
/// nothing the date does not, but it must not hide the date from a reader that wants the cell to start with it.
/// </summary>
internal static class WeekdayNames
{
    private static readonly NumberedNames Names = new("weekday", 7);

    /// <summary>The weekday (1 = Monday … 7 = Sunday) a word names, or 0 when it names none.</summary>
    public static int DayOf(ReadOnlySpan<char> word) => Names.NumberOf(word);

    /// <summary>
    /// The length of a leading weekday name of <paramref name="text"/> with the dot, comma and spaces after it
    /// ("man " of "man 08.02", "Tue, " of "Tue, 14th"), or 0 when the text does not start with one.
    /// </summary>
    public static int PrefixLength(ReadOnlySpan<char> text)
    {
        var end = 0;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        // A letter run followed by a digit or at the end is no weekday prefix ("Mo8" is not a date).
        if (end == 0 || end == text.Length || DayOf(text[..end]) == 0)
        {
            return 0;
        }

        var after = end;
        while (after < text.Length && text[after] is '.' or ',' or ' ' or '\u00A0' or '\t')
        {
            after++;
        }

        return after > end ? after : 0;
    }
}
