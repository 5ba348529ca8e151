using FleetManager.Core.Rules.Dates;

namespace FleetManager.Core.Tests.Rules.Dates;

/// <summary>Weekday names of the language files before a date.</summary>
public sealed class WeekdayNamesTests
{
    [Theory]
    [InlineData("tirsdag", 2)]
    [InlineData("Tue", 2)]
    [InlineData("piątek", 5)]
    [InlineData("Sonntag", 7)]
    [InlineData("keskiviikko", 3)]
    public void DayOf_WeekdayWordOfAnyLanguage_GivesItsDay(string word, int expected)
        => Assert.Equal(expected, WeekdayNames.DayOf(word));

    [Theory]
    [InlineData("ons 17.03 kl. 09:00", 4)]
    [InlineData("Fri, 19.3.", 5)]
    [InlineData("čtvrtek 18. 3.", 8)]
    public void PrefixLength_CellStartingWithWeekday_CoversNameAndSeparators(string cell, int expected)
        => Assert.Equal(expected, WeekdayNames.PrefixLength(cell));

    [Theory]
    [InlineData("17.03 kl. 09:00")]
    [InlineData("Lagerhalle 3")]
    [InlineData("man")] // the word alone: nothing follows that could be a date
    public void PrefixLength_NoWeekdayBeforeText_IsZero(string cell)
        => Assert.Equal(0, WeekdayNames.PrefixLength(cell));
}
