using FleetManager.Core.Rules.Dates;

namespace FleetManager.Core.Tests.Rules;

/// <summary>Month names of the vocabulary files in dates (own examples).</summary>
public sealed class DatesVocabularyTests
{
    private static readonly DateOnly Sent = new(2026, 12, 29);

    [Theory]
    [InlineData("torstaina 28. tammikuuta", 2027, 1, 28)]
    [InlineData("reedel, 5. jaanuar", 2027, 1, 5)]
    [InlineData("ceturtdien, 7. janvārī", 2027, 1, 7)]
    [InlineData("Τρίτη 12 Ιανουαρίου", 2027, 1, 12)]
    [InlineData("u sredu 17. februara 2027", 2027, 2, 17)]
    [InlineData("15 березня 2027 р.", 2027, 3, 15)]
    [InlineData("tirsdag den 9. februar", 2027, 2, 9)]
    [InlineData("onsdag 3 mars", 2027, 3, 3)]
    [InlineData("22. март 2027", 2027, 3, 22)]
    [InlineData("4 veljače", 2027, 2, 4)]
    public void FindFirst_MonthNameOfAnyLanguage_IsADate(string text, int y, int m, int d)
        => Assert.Equal(new DateOnly(y, m, d), DateExpressionParser.FindFirst(text, Sent)?.Date);

    [Theory]
    [InlineData("Yükleme 08-03 08:00-12:00", 2027, 3, 8)]
    [InlineData("Lossning 21-02", 2027, 2, 21)]
    public void FindFirst_DayDashMonthWithoutYear_IsADate(string text, int y, int m, int d)
        => Assert.Equal(new DateOnly(y, m, d), DateExpressionParser.FindFirst(text, Sent)?.Date);

    [Theory]
    [InlineData("ore 08-12")]
    [InlineData("Zeitfenster 10-14")]
    public void FindFirst_RisingHourRange_IsNoDate(string text)
        => Assert.Null(DateExpressionParser.FindFirst(text, Sent));
}
