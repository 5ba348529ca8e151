using System.Text;
using FleetManager.Core.Model;

namespace FleetManager.Storage.Tests;

/// <summary>Orders and messages for tests, shaped like the spec's example.</summary>
internal static class SampleOrders
{
    public static readonly DateTimeOffset ProcessedAt = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    public static TransportOrder Order(
        string? reference = "TO-2026-11873",
        string? customer = "Alpenland Spedition GmbH",
        string loadingCountry = "DE",
        string unloadingCountry = "PL",
        DateOnly? loadingDate = null,
        RequestType requestType = RequestType.Booking) => new()
        {
            RequestType = requestType,
            ReferenceNumber = reference,
            Customer = customer,
            Stops =
            [
                new Stop
                {
                    Type = StopType.Loading,
                    Company = "Brauerei Hofmann KG",
                    Address = "Industriestraße 14, 85386 Eching, Germany",
                    PostalCode = "85386",
                    City = "Eching",
                    Country = loadingCountry,
                    Date = loadingDate ?? new DateOnly(2026, 12, 3),
                    TimeFrom = new TimeOnly(8, 0),
                    TimeTo = new TimeOnly(14, 0),
                    Latitude = 48.3,
                    Longitude = 11.62,
                },
                new Stop
                {
                    Type = StopType.Unloading,
                    Company = "Napoje Mazowsze",
                    Address = "ul. Ostrobramska 101, 04-041 Warszawa",
                    PostalCode = "04-041",
                    City = "Warszawa",
                    Country = unloadingCountry,
                    Date = new DateOnly(2026, 12, 5),
                    TimeTo = new TimeOnly(12, 0),
                },
            ],
            CargoDescription = "beer in kegs, 33 pallets",
            WeightKg = 22500m,
            Pallets = 33,
            LoadingMeters = 13.6m,
            VehicleType = VehicleType.Tautliner,
            Adr = false,
            Price = new Price(1450m, "EUR"),
            SpecialRequirements = "tail lift at delivery",
            Contact = new Contact("Petra Maier", "+49 89 1234567", "p.maier@alpenland.example"),
            Sources = new Dictionary<string, TextSpan>
            {
                ["reference_number"] = new(120, 13),
                ["stops[0].city"] = new(300, 6),
            },
        };

    public static StoredMessage Message(string ledgerKey, byte[]? raw = null, string? messageId = null) => new(
        LedgerKey: ledgerKey,
        SourceKey: "folder:/mail/" + ledgerKey + ".eml",
        MessageId: messageId ?? "<" + ledgerKey + "@mail.example>",
        Subject: "Transportauftrag " + ledgerKey,
        From: "Petra Maier <p.maier@alpenland.example>",
        Date: new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.FromHours(1)),
        Raw: raw ?? Encoding.UTF8.GetBytes("Subject: test\r\n\r\nbody of " + ledgerKey),
        ProcessedAt: ProcessedAt);

    public static EmailResult Result(StoredMessage message, params TransportOrder[] orders) => new()
    {
        MessageId = message.MessageId,
        Classification = orders.Length > 0 ? Classification.Order : Classification.Other,
        Orders = orders,
    };
}
