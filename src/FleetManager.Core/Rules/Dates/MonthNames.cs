using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Dates;

/// <summary>
/// Month names and their usual abbreviations in every language of the vocabulary files (nominative,
/// genitive and locative forms, since "3 grudnia", "3. prosince", "5. janvārī" are the forms dates
/// use), folded with <see cref="TextFold"/>.
/// </summary>
internal static class MonthNames
{
    private static readonly NumberedNames Names = new("month", 12);

    /// <summary>The month number (1-12) of a month word, or 0 when the word is not a month.</summary>
    public static int MonthOf(ReadOnlySpan<char> word) => Names.NumberOf(word);
}
