using FleetManager.Core.Rules.Stops;
using Xunit;

namespace FleetManager.Core.Tests.Rules;

public sealed class SignatureMarkersTests
{
    [Theory]
    [InlineData("Mit freundlichen Grüßen")]
    [InlineData("   Best regards,")]
    [InlineData("--")]
    [InlineData("Pozdrawiam")]
    [InlineData("С уважение,")]
    [InlineData("üdvözlettel")]
    [InlineData("\tKind regards")]
    public void IsClosing_SignOff_True(string line) => Assert.True(SignatureMarkers.IsClosing(line));

    [Theory]
    [InlineData("")]
    [InlineData("    ")]
    [InlineData("12 Paletten")]
    [InlineData("Item 4: boxes")]
    [InlineData("Order no. 5")]
    [InlineData("Beladestelle: D-93047 Regensburg")]
    public void IsClosing_OrdinaryLine_False(string line) => Assert.False(SignatureMarkers.IsClosing(line));

    [Theory]
    [InlineData("---------- Forwarded message ---------")]
    [InlineData("From: Anna Berg <anna@example.com>")]
    [InlineData("  Von: Max Muster <max@example.de>")]
    [InlineData("Begin forwarded message:")]
    [InlineData("От: Иван <ivan@example.bg>")]
    public void IsForwardStart_ForwardHeader_True(string line) => Assert.True(SignatureMarkers.IsForwardStart(line));

    [Theory]
    [InlineData("")]
    [InlineData("Subject: Transport")]
    [InlineData("From Munich to Leszno")]
    [InlineData("12 pallets")]
    public void IsForwardStart_OrdinaryLine_False(string line) => Assert.False(SignatureMarkers.IsForwardStart(line));
}
