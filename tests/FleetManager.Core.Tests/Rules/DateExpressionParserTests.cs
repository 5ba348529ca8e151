using FleetManager.Core.Rules.Dates;
using Xunit;

namespace FleetManager.Core.Tests.Rules;

public sealed class DateExpressionParserTests
{
    private static readonly DateOnly LateDecember = new(2026, 12, 28);

    [Theory]
    [InlineData("Ladetermin: 08.10.2026", 2026, 10, 8)]
    [InlineData("2026-10-08 08:00", 2026, 10, 8)]
    [InlineData("Időpont: 2026.11.17. (kedd)", 2026, 11, 17)]
    [InlineData("le 08/10/2026 entre 8h et 16h", 2026, 10, 8)]
    [InlineData("20-10-2026 09:00", 2026, 10, 20)]
    [InlineData("Nakladanje: 26. 1. 2027 med 8. in 10. uro", 2027, 1, 26)]
    [InlineData("Vykládka: 3. 2. 2027, Brno", 2027, 2, 3)]
    public void FindFirst_NumericDatesWithYear_ReadsThem(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), DateExpressionParser.FindFirst(text, LateDecember)?.Date);

    [Fact]
    public void FindFirst_SpacedDayAndMonthWithTheirDots_ReadsThem() =>
        Assert.Equal(new DateOnly(2027, 1, 26), DateExpressionParser.FindFirst("Razkladanje: 26. 1., Graz", LateDecember)?.Date);

    [Theory]
    [InlineData("27. 01. 27, 08:15 - Marko: nakladanje pri nas")]
    [InlineData("Pozicija 3. 5 palet")]
    public void FindFirst_ChatStampOrNumbersWithSpacedDots_NoDate(string text) =>
        Assert.Null(DateExpressionParser.FindFirst(text, LateDecember));

    /// <summary>A Sunday: the weekday and day examples below resolve against it.</summary>
    private static readonly DateOnly SundayEarlyDecember = new(2026, 12, 6);

    [Theory]
    [InlineData("We can load Tue 15th in the morning", 2026, 12, 15)]
    [InlineData("Afhentning torsdag 17. kl. 8-12", 2026, 12, 17)]
    [InlineData("Rozładunek piątek 11 do 14:00", 2026, 12, 11)]
    [InlineData("Lossning: måndag 4, fm", 2027, 1, 4)]
    [InlineData("unloading Wed 2nd", 2026, 12, 2)]
    public void FindFirst_WeekdayAndDayWithoutMonth_NearestDayThatFallsOnThatWeekday(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), DateExpressionParser.FindFirst(text, SundayEarlyDecember)?.Date);

    [Theory]
    [InlineData("fredag kl. 7-10", 2026, 12, 11)]
    [InlineData("jutro (piątek) godz. 7:00", 2026, 12, 11)]
    [InlineData("Sunday morning", 2026, 12, 6)]
    [InlineData("Montag, 8 Uhr", 2026, 12, 7)]
    public void NamedWeekdayOnly_OneWeekdayWrittenOut_IsTheNextSuchDayFromTheEmailsDay(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), DateExpressionParser.NamedWeekdayOnly(text, SundayEarlyDecember)?.Date);

    [Theory]
    [InlineData("KW 22, Mittwoch", 2027, 6, 2)]
    [InlineData("week 22, Tuesday 06:00", 2027, 6, 1)]
    [InlineData("tydzień 21, piątek", 2027, 5, 28)]
    public void NamedWeekdayOnly_WeekdayOfACalendarWeek_IsThatWeeksDay(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), DateExpressionParser.NamedWeekdayOnly(text, new DateOnly(2027, 5, 26))?.Date);

    [Theory]
    [InlineData("Montag bis Freitag 7-15 Uhr")]
    [InlineData("Mo-Fr 7-15")]
    [InlineData("Tue morning")]
    [InlineData("Vejle, kl. 7-10")]
    public void NamedWeekdayOnly_TwoWeekdaysAnAbbreviationOrNone_IsNoDate(string text) =>
        Assert.Null(DateExpressionParser.NamedWeekdayOnly(text, SundayEarlyDecember));

    [Theory]
    [InlineData("Sat 2 pallets left")]
    [InlineData("Tue 32nd")]
    [InlineData("Rampe: Tor 12")]
    public void FindFirst_WeekdayFollowedByQuantityOrNoSuchDay_FindsNoDate(string text) =>
        Assert.Null(DateExpressionParser.FindFirst(text, SundayEarlyDecember));

    [Theory]
    [InlineData("Thursday 8th Jan, 09:00", 2027, 1, 8)]
    [InlineData("Montag, 4. Januar", 2027, 1, 4)]
    [InlineData("Załadunek: 5 stycznia", 2027, 1, 5)]
    [InlineData("livraison le 6 janvier", 2027, 1, 6)]
    [InlineData("consegna 7 gennaio", 2027, 1, 7)]
    [InlineData("entrega el 8 de enero", 2027, 1, 8)]
    [InlineData("Товарене: 9 януари", 2027, 1, 9)]
    [InlineData("Nakládka: 4. ledna", 2027, 1, 4)]
    [InlineData("Felrakás: január 5.", 2027, 1, 5)]
    [InlineData("Încărcare: 6 ianuarie", 2027, 1, 6)]
    [InlineData("Pakrovimas: sausio 7 d.", 2027, 1, 7)]
    [InlineData("Yükleme: 8 Ocak", 2027, 1, 8)]
    [InlineData("Pick up Mon 4/1 from 8am", 2027, 1, 4)]
    [InlineData("carga 4/01", 2027, 1, 4)]
    [InlineData("Ladung: 05.01., 08:00", 2027, 1, 5)]
    [InlineData("Pick up Dec 22", 2026, 12, 22)]
    [InlineData("Ladung 30.12.", 2026, 12, 30)]
    public void FindFirst_DatesWithoutYear_InferNearestOnOrAfterEmailDateMinusSevenDays(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), DateExpressionParser.FindFirst(text, LateDecember)?.Date);

    [Theory]
    [InlineData("Die Ware steht in KW 49 zur Verladung bereit")]
    [InlineData("loading ASAP, week 50")]
    [InlineData("24.000 kg, 13.6 ldm, 1.450,- EUR")]
    [InlineData("Zlecenie nr ZT/2026/10/118, ref 26/04418")]
    public void FindFirst_WeeksAsapAndNumbers_AreNotDates(string text) =>
        Assert.Null(DateExpressionParser.FindFirst(text, LateDecember));

    [Fact]
    public void Complete_DateSevenDaysBeforeEmail_StaysInTheSameYear() =>
        Assert.Equal(new DateOnly(2026, 12, 21), YearInference.Complete(12, 21, LateDecember));

    [Theory]
    [InlineData("Beladung morgen früh")]
    [InlineData("")]
    [InlineData("Termin nach Absprache, Tor 12")]
    public void FindAll_NoDayInDigits_FindsNothing(string text) =>
        Assert.Empty(DateExpressionParser.FindAll(text, LateDecember));

    [Theory]
    [InlineData("Lieferung 3 Januar", 2027, 1, 3)]
    [InlineData("delivery Jan 4th", 2027, 1, 4)]
    [InlineData("Ladung 30.12.", 2026, 12, 30)]
    public void FindFirst_NeitherYearNorSeparatorPresent_StillReadsOtherForms(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), DateExpressionParser.FindFirst(text, LateDecember)?.Date);
}
