using System.Text;
using FleetManager.Core.Model;

namespace FleetManager.Storage.Benchmarks;

/// <summary>
/// Deterministic messages shaped like a typical import: about 5 KB of raw bytes, one order with
/// two stops (every seventh message has three orders, every eleventh is an invoice, every
/// thirteenth is quarantined), so a run is reproducible message for message.
/// </summary>
public static class SyntheticMessages
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The <paramref name="index"/>-th message and its result.</summary>
    public static (StoredMessage Message, EmailResult Result) Create(int index)
    {
        var key = "synthetic:" + index.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        var messageId = $"<{index}@synthetic.example>";
        var raw = Raw(index);
        var message = new StoredMessage(
            key, "folder:/mail/" + index + ".eml", messageId, "Transport order " + index,
            "Dispatch <dispatch@customer.example>", Start.AddMinutes(index), raw, Start.AddMinutes(index).AddSeconds(5));

        if (index % 13 == 12)
        {
            return (message, EmailResult.Quarantined(messageId, "synthetic unreadable message"));
        }

        if (index % 11 == 10)
        {
            return (message, new EmailResult { MessageId = messageId, Classification = Classification.Invoice });
        }

        var count = index % 7 == 6 ? 3 : 1;
        var orders = Enumerable.Range(0, count).Select(i => Order(index, i)).ToList();
        return (message, new EmailResult { MessageId = messageId, Classification = Classification.Order, Orders = orders });
    }

    private static TransportOrder Order(int index, int position) => new()
    {
        RequestType = RequestType.Booking,
        ReferenceNumber = $"TO-{index}-{position}",
        Customer = "Customer " + (index % 97) + " GmbH",
        Stops =
        [
            new Stop
            {
                Type = StopType.Loading, Company = "Shipper KG", Address = "Industriestraße 14, 85386 Eching",
                PostalCode = "85386", City = "Eching", Country = "DE",
                Date = new DateOnly(2026, 12, 1).AddDays(index % 30), TimeFrom = new TimeOnly(8, 0), TimeTo = new TimeOnly(14, 0),
                Latitude = 48.3, Longitude = 11.62,
            },
            new Stop
            {
                Type = StopType.Unloading, Company = "Consignee Sp. z o.o.", Address = "ul. Ostrobramska 101, 04-041 Warszawa",
                PostalCode = "04-041", City = "Warszawa", Country = "PL",
                Date = new DateOnly(2026, 12, 3).AddDays(index % 30), TimeTo = new TimeOnly(12, 0),
            },
        ],
        CargoDescription = "beer in kegs, 33 pallets",
        WeightKg = 22500m,
        Pallets = 33,
        LoadingMeters = 13.6m,
        VehicleType = VehicleType.Tautliner,
        Adr = false,
        Price = new Price(1450m + index % 100, "EUR"),
        SpecialRequirements = "tail lift at delivery",
        Contact = new Contact("Petra Maier", "+49 89 1234567", "p.maier@customer.example"),
        Sources = new Dictionary<string, TextSpan>
        {
            ["reference_number"] = new(120, 12),
            ["stops[0].city"] = new(300, 6),
            ["stops[1].city"] = new(420, 8),
            ["weight_kg"] = new(510, 6),
        },
    };

    private static byte[] Raw(int index)
    {
        var text = new StringBuilder(5200);
        text.Append("Message-ID: <").Append(index).Append("@synthetic.example>\r\nSubject: Transport order ")
            .Append(index).Append("\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n");
        while (text.Length < 5 * 1024)
        {
            text.Append("Loading Eching 85386 DE, unloading Warszawa 04-041 PL, 33 pallets, 22.5 t, tautliner. ");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
