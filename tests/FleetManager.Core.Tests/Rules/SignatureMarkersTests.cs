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
    [InlineData("Thanks for the rates. Please book the following at the agreed £590:")]
    [InlineData("Regards to your driver, he was very helpful at the ramp yesterday morning")]
    [InlineData("")]
    [InlineData("    ")]
    [InlineData("12 Paletten")]
    [InlineData("Item 4: boxes")]
    [InlineData("Order no. 5")]
    [InlineData("Beladestelle: D-93047 Regensburg")]
    [InlineData("Grüß Gott,")]
    [InlineData("Grüss Gott Herr Nowicki,")]
    public void IsClosing_OrdinaryLine_False(string line) => Assert.False(SignatureMarkers.IsClosing(line));

    /// <summary>One line per alternative of the sign-off pattern: each must pass the two-character pre-check.</summary>
    public static TheoryData<string> EverySignOffAlternative => new()
    {
        "--", "  __", "mit freundlichen Grüßen", "Freundliche Grüße", "Beste Grüße", "Viele Grüße", "Liebe Grüße", "Herzliche Grüße",
        "Grüße", "Gruss", "Best regards", "Kind regards", "Warmest regards", "Regards", "BR", "Cheers", "Thanks", "Thank you",
        "Many thanks", "Thx", "Pozdrawiam", "Z poważaniem", "z\twyrazami szacunku", "Cordialement", "Bien cordialement",
        "Bien à vous", "Salutations", "Cordiali saluti", "Distinti saluti", "Saluti", "Un saludo", "Saludos", "Atentamente",
        "Cumprimentos", "Met vriendelijke groet", "Vriendelijke groet", "Groeten", "MVG", "S pozdravem", "s pozdravom",
        "Üdvözlettel", "Udvozlettel", "Tisztelettel", "Köszönettel", "Koszonettel", "Cu stimă", "Cu respect", "Mulțumesc",
        "Поздрави", "С уважение", "Lep pozdrav", "Pagarbiai", "Saygılarımızla", "Saygilarimizla", "Sent from my iPhone",
        "Trimis de pe iPhone", "Wysłane z iPhone", "Von meinem iPhone gesendet", "Envoyé de mon iPhone",
        "\u212Aind regards", "\u00A0\u00A0Regards",
    };

    [Theory]
    [MemberData(nameof(EverySignOffAlternative))]
    public void IsClosing_EveryAlternativeInAnyCase_True(string line)
    {
        Assert.True(SignatureMarkers.IsClosing(line));
        Assert.True(SignatureMarkers.IsClosing(line.ToUpperInvariant()));
        Assert.True(SignatureMarkers.IsClosing("\t " + line.ToLowerInvariant()));
    }

    [Theory]
    [InlineData("B")]
    [InlineData("  z")]
    [InlineData("Beladestelle: D-93047 Regensburg")]
    [InlineData("Sa 28.11.2026 geschlossen")]
    [InlineData("Gewicht: 24 t")]
    [InlineData("Zoll: T1")]
    public void IsClosing_LineStartingLikeNoSignOff_False(string line) => Assert.False(SignatureMarkers.IsClosing(line));

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
