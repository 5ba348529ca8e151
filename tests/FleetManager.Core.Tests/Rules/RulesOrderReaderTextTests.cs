using System.Text;
using FleetManager.Core.Model;
using FleetManager.Core.Rules;
using FleetManager.Mail.Parsing;
using Xunit;

namespace FleetManager.Core.Tests.Rules;

/// <summary>Text the rules reader met in real mail and failed on.</summary>
public sealed class RulesOrderReaderTextTests
{
    [Fact]
    public async Task ReadAsync_EmailWithEmoji_ReadsTheOrderInsteadOfFailing()
    {
        const string mail =
            "From: Dispo <dispo@spedition.example>\r\nTo: orders@haulier.example\r\nSubject: Transportauftrag 🚚 TA-4711\r\n" +
            "Message-ID: <emoji1@spedition.example>\r\nDate: Mon, 30 Nov 2026 09:00:00 +0100\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
            "Hallo 👋,\r\n\r\nbitte folgenden Transport übernehmen 😀:\r\n\r\nBeladung: 03.12.2026, 80331 München, DE\r\n" +
            "Entladung: 04.12.2026, 00-001 Warszawa, PL\r\nGewicht: 12.000 kg\r\nFahrzeug: Plane\r\nPreis: 1.450 EUR\r\n\r\nDanke 🙏\r\n";
        var email = new MimeEmailParser().Parse(new RawMessage("emoji.eml", Encoding.UTF8.GetBytes(mail)));

        var result = await new RulesOrderReader().ReadAsync(email, CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal(Classification.Order, result.Classification);
        Assert.NotEmpty(result.Orders);
    }

    [Fact]
    public void ReadAsOrder_SeveralOrdersUnderAnExchangesWording_AreLoadOffers()
    {
        // No offer id and no poster's label: the alert's wording over two numbered route lines makes them its entries.
        var email = RulesTestMessages.Email("Neue Frachtangebote auf Ihrer Relation DE-PL", """
            Guten Morgen,

            folgende neue Frachtangebote passen zu Ihrem Suchprofil:

            1) 44147 Dortmund (DE) → 59-220 Legnica (PL), 26.05.2027, 22 t, 13,6 ldm, Plane, 720 EUR, Spedition Kraus GmbH
            2) 50667 Köln (DE) → 40-001 Katowice (PL), 27.05.2027, 12 t, Koffer, Preis auf Anfrage, Rhein Logistik KG
            """);

        var orders = new RulesOrderReader().ReadAsOrder(email).Orders;

        Assert.Equal([RequestType.LoadOffer, RequestType.LoadOffer], orders.Select(o => o.RequestType));
    }

    [Fact]
    public void ReadAsOrder_OneOrderUnderAnExchangesWord_StaysABooking()
    {
        // "Frachtangebot" in a single order's text (a forwarder's own offer letter) is no digest.
        var email = RulesTestMessages.Email("Transportauftrag 4471", """
            Hallo,

            wie in unserem Frachtangebot vom Montag:
            Beladung: 26.05.2027, 44147 Dortmund
            Entladung: 27.05.2027, 59-220 Legnica, Polen
            22 t, Plane, 720 EUR
            """);

        var order = Assert.Single(new RulesOrderReader().ReadAsOrder(email).Orders);

        Assert.Equal(RequestType.Booking, order.RequestType);
    }

    [Fact]
    public void ReadAsOrder_NumberedOrdersHeadedByTheirCodes_EachTakesItsCode()
    {
        var email = RulesTestMessages.Email("Bi garraio", """
            Kaixo,

            1) BKG-3301
            Carga: 30.12.2026, 20500 Arrasate
            Descarga: 31.12.2026, 40100 Dax, Frantzia

            2) BKG-3302
            Carga: 30.12.2026, 01013 Vitoria-Gasteiz
            Descarga: 04.01.2027, 26006 Logroño
            """);

        var orders = new RulesOrderReader().ReadAsOrder(email).Orders;

        Assert.Equal(["BKG-3301", "BKG-3302"], orders.Select(o => o.ReferenceNumber));
    }

    [Fact]
    public void ReadAsOrder_PlanAlignedWithSpaces_OneOrderPerRowWithItsLoadingDay()
    {
        // A plain-text plan with one date column: the day each truck loads.
        var email = RulesTestMessages.Email("Plan prevozov", """
            Pozdravljeni,

            Nalog    Nakladanje       Razkladanje           Datum nakl.  Teža
            SP-0101  3310 Žalec       1230 Wien, AT         04.01.2027   22 t
            SP-0102  3000 Celje       80331 München, DE     05.01.2027   18 t

            Lep pozdrav
            """);

        var orders = new RulesOrderReader().ReadAsOrder(email).Orders;

        Assert.Equal(["SP-0101", "SP-0102"], orders.Select(o => o.ReferenceNumber));
        Assert.Equal(["Žalec", "Celje"], orders.Select(o => o.Stops[0].City));
        Assert.Equal(["Wien", "München"], orders.Select(o => o.Stops[^1].City));
        Assert.Equal([new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 5)], orders.Select(o => o.Stops[0].Date));
        Assert.Equal([22000m, 18000m], orders.Select(o => o.WeightKg));
        // A place cell is the stop's address as written; the format has null, never "", for what a mail does not give.
        Assert.Equal(["3310 Žalec", "1230 Wien, AT"], orders[0].Stops.Select(s => s.Address));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("dev2")]
    public async Task ReadAsync_Corpus_NoTextFieldIsAnEmptyString(string corpus)
    {
        var reader = new RulesOrderReader();
        var parser = new MimeEmailParser();
        foreach (var file in Directory.EnumerateFiles(CorpusLocator.Corpus(corpus) ?? throw new Xunit.Sdk.XunitException($"the {corpus} corpus was not found"), "*.eml"))
        {
            var email = parser.Parse(new RawMessage(Path.GetFileName(file), await File.ReadAllBytesAsync(file)));
            var result = await reader.ReadAsync(email, CancellationToken.None);
            foreach (var order in result.Orders)
            {
                string?[] texts = [order.ReferenceNumber, order.Customer, order.CargoDescription, order.SpecialRequirements,
                    .. order.Stops.SelectMany(s => new[] { s.Company, s.Address, s.PostalCode, s.City, s.Country })];
                Assert.DoesNotContain("", texts);
            }
        }
    }
}
