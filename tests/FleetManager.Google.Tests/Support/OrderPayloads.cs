using System.Text.Json;

namespace FleetManager.Google.Tests.Support;

/// <summary>Outbox payloads in the shape of one element of <c>orders export --format json</c>.</summary>
internal static class OrderPayloads
{
    public static string KeyOf(int n) => $"<m{n}@stand-in.example>#0";

    public static string Order(int n, string customer = "Alpenland Spedition GmbH", string? phone = "+49 89 1234567") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = n,
            ["message_id"] = $"<m{n}@stand-in.example>",
            ["request_type"] = "booking",
            ["reference_number"] = "TO-" + n,
            ["customer"] = customer,
            ["stops"] = new object[]
            {
                new Dictionary<string, object?> { ["type"] = "loading", ["company"] = "Brauerei Hofmann KG", ["address"] = "Industriestraße 14", ["postal_code"] = "85386", ["city"] = "Eching", ["country"] = "DE", ["date"] = "2026-12-03", ["time_from"] = "08:00", ["time_to"] = "14:00", ["latitude"] = 48.3, ["longitude"] = 11.62 },
                new Dictionary<string, object?> { ["type"] = "unloading", ["company"] = null, ["address"] = null, ["postal_code"] = "02-672", ["city"] = "Warszawa", ["country"] = "PL", ["date"] = null, ["time_from"] = null, ["time_to"] = null, ["latitude"] = null, ["longitude"] = null },
            },
            ["cargo_description"] = "beer in kegs",
            ["weight_kg"] = 22500,
            ["pallets"] = 33,
            ["loading_meters"] = 13.6,
            ["vehicle_type"] = "tautliner",
            ["adr"] = false,
            ["temperature_min_c"] = -18,
            ["temperature_max_c"] = null,
            ["price"] = new Dictionary<string, object?> { ["amount"] = 1450, ["currency"] = "EUR" },
            ["special_requirements"] = null,
            ["contact"] = new Dictionary<string, object?> { ["name"] = "Petra Maier", ["phone"] = phone, ["email"] = "p.maier@alpenland.example" },
        });
}
