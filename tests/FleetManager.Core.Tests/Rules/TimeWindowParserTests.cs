using FleetManager.Core.Rules.Dates;
using Xunit;

namespace FleetManager.Core.Tests.Rules;

public sealed class TimeWindowParserTests
{
    [Theory]
    [InlineData("09:00 - 13:00", "09:00", "13:00")]
    [InlineData("8-14 Uhr", "08:00", "14:00")]
    [InlineData("od 7 do 15", "07:00", "15:00")]
    [InlineData("godz. 8-14", "08:00", "14:00")]
    [InlineData("h 8:00-12:00", "08:00", "12:00")]
    [InlineData("entre 8h et 16h", "08:00", "16:00")]
    [InlineData("между 8 и 16 ч", "08:00", "16:00")]
    [InlineData("dalle 7:00 alle 12:00", "07:00", "12:00")]
    [InlineData("ab 6 Uhr", "06:00", null)]
    [InlineData("from 8am", "08:00", null)]
    [InlineData("bis 12 Uhr", null, "12:00")]
    [InlineData("do 12:00", null, "12:00")]
    [InlineData("until 12 h", null, "12:00")]
    [InlineData("до 16:00 ч.", null, "16:00")]
    [InlineData("entro le ore 10:00", null, "10:00")]
    [InlineData("până la ora 18:00", null, "18:00")]
    [InlineData("12:00-ig", null, "12:00")]
    [InlineData("from 07:00 (dock closes 15:00)", "07:00", "15:00")]
    [InlineData("booked slot 07:30", "07:30", "07:30")]
    [InlineData("à 9h00", "09:00", "09:00")]
    [InlineData("fredag kl. 7-10", "07:00", "10:00")]
    [InlineData("mandag kl. 8", "08:00", "08:00")]
    [InlineData("maanantaina klo 9", "09:00", "09:00")]
    [InlineData("fra kl. 6", "06:00", null)]
    [InlineData("senest kl. 14", null, "14:00")]
    [InlineData("ti 23.2. klo 12 mennessä", null, "12:00")]
    [InlineData("plkst. 8:00-11:00", "08:00", "11:00")]
    [InlineData("no 8:00 līdz 12:00", "08:00", "12:00")]
    [InlineData("līdz plkst. 12:00", null, "12:00")]
    public void Parse_WindowsBoundsAndSlots_ReadAsSpecSays(string text, string? from, string? to)
    {
        var window = TimeWindowParser.Parse(text);
        Assert.Equal(from, window.From?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(to, window.To?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("bus do 3,5 t")]
    [InlineData("33 palety, 24 t")]
    [InlineData("Gefahrgut Kl. 3, UN 1203")]
    [InlineData("kl. 3 t")]
    public void Parse_QuantitiesAfterBoundWords_AreNotTimes(string text) =>
        Assert.True(TimeWindowParser.Parse(text).IsEmpty);
}
