using FleetManager.Core.Model;
using FleetManager.Core.Rules;
using FleetManager.Core.Rules.Fields;

namespace FleetManager.Core.Tests.Rules.Fields;

/// <summary>The contact and customer of an order a colleague forwarded are the forwarded order's sender's.</summary>
public sealed class ForwardedSenderTests
{
    private const string ForwardedBody = """
        Hallo zusammen,

        bitte einplanen.

        Gruß Jens

        -----Ursprüngliche Nachricht-----
        Von: Anna Schulte <a.schulte@hasetal-logistik.example>
        Gesendet: Montag, 11. Januar 2027 09:14
        Betreff: Transportauftrag 4500123987

        Ladestelle: D-49090 Osnabrück
        Entladestelle: NL-5928 PR Venlo

        Mit freundlichen Grüßen
        Anna Schulte
        Hasetal Logistik GmbH & Co. KG
        """;

    [Fact]
    public void Extract_OrderForwardedByAColleague_ContactIsTheForwardedSender()
    {
        var order = Extract(Forward("j.moeller@haulier.example", "dispo@haulier.example", ForwardedBody));

        Assert.Equal("Anna Schulte", order.Contact?.Name);
        Assert.Equal("a.schulte@hasetal-logistik.example", order.Contact?.Email);
        Assert.Equal("Hasetal Logistik GmbH & Co. KG", order.Customer);
    }

    [Fact]
    public void Extract_OrderForwardedByACustomer_ContactIsTheCustomer()
    {
        // A customer passing on its own client's order is the one who orders from us.
        var order = Extract(Forward("dispo@forwarder.example", "orders@haulier.example", ForwardedBody));

        Assert.Equal("dispo@forwarder.example", order.Contact?.Email);
    }

    [Theory]
    [InlineData("---------- Forwarded message ---------\nFrom: Anna Schulte <a.schulte@hasetal-logistik.example>\nDate: Mon, 11 Jan 2027")]
    [InlineData("-----Original Message-----\nFrom: a.schulte@hasetal-logistik.example\nSent: Monday")]
    [InlineData("---------- Přeposlaná zpráva ---------\nOd: Anna Schulte <a.schulte@hasetal-logistik.example>")]
    public void Of_ForwardHeaderBlocks_GiveTheForwardedAddress(string block)
    {
        var email = Forward("j.moeller@haulier.example", "dispo@haulier.example", "Bitte einplanen.\n\n" + block + "\n\nLadestelle: D-49090 Osnabrück\n");

        Assert.Equal("a.schulte@hasetal-logistik.example", ForwardedSender.Of(email, email.Body)?.Address);
    }

    [Fact]
    public void Of_InternalMailWithoutAForwardBlock_IsTheOwnSender()
    {
        var email = Forward("j.moeller@haulier.example", "dispo@haulier.example", "Bitte Osnabrück – Venlo einplanen.\nVon: Jens\n");

        Assert.Equal("j.moeller@haulier.example", ForwardedSender.Of(email, email.Body)?.Address);
    }

    private static Email Forward(string from, string to, string body) => new()
    {
        MessageId = "<fw@test.invalid>",
        Subject = "WG: Transportauftrag 4500123987",
        From = new EmailAddress("Jens Möller", from),
        To = [new EmailAddress(null, to)],
        Date = new DateTimeOffset(2027, 1, 11, 9, 30, 0, TimeSpan.Zero),
        Body = body,
        IsForward = true,
    };

    private static TransportOrder Extract(Email email)
    {
        var document = RulesDocument.From(email);
        return OrderFieldExtractor.Extract(document, new OrderBlock(0, document.Text.Length), new Dictionary<string, TextSpan>());
    }
}
