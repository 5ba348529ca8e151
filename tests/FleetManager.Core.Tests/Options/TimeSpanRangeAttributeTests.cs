using FleetManager.Core.Options;
using Xunit;

namespace FleetManager.Core.Tests.Options;

public sealed class TimeSpanRangeAttributeTests
{
    private readonly TimeSpanRangeAttribute _range = new("00:00:01", "1.00:00:00");

    [Theory]
    [InlineData("00:00:01")]
    [InlineData("00:30:00")]
    [InlineData("1.00:00:00")]
    public void IsValid_WithinBoundsInclusive_True(string value) =>
        Assert.True(_range.IsValid(TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:00.999")]
    [InlineData("1.00:00:00.001")]
    public void IsValid_OutsideBounds_False(string value) =>
        Assert.False(_range.IsValid(TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void IsValid_NullOrOtherType_NullPassesOtherFails()
    {
        Assert.True(_range.IsValid(null));
        Assert.False(_range.IsValid(5));
    }

    [Fact]
    public void FormatErrorMessage_NamesFieldAndBounds() =>
        Assert.Equal("The field LeaseDuration must be between 00:00:01 and 1.00:00:00.", _range.FormatErrorMessage("LeaseDuration"));

    [Fact]
    public void Constructor_MinimumAboveMaximum_Throws() =>
        Assert.Throws<ArgumentException>(() => new TimeSpanRangeAttribute("00:10:00", "00:01:00"));
}
