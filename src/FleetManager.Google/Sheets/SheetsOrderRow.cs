using System.Text.Json;
using FleetManager.Core.Pipeline;
using FleetManager.Core.Text;

namespace FleetManager.Google.Sheets;

/// <summary>
/// The sheet's columns and one order's row. Column A is the idempotency key (<c>MESSAGE_ID#ORDER_INDEX</c>)
/// the sink reads back after an ambiguous failure; the rest follow the CSV export (docs/storage.md) so a
/// dispatcher sees the same names everywhere. Text is written as it is: the values go out with
/// <c>valueInputOption=RAW</c>, which stores text as text and never parses a formula, so the CSV export's
/// guarding apostrophe would only show literally here. Numbers and booleans stay typed, so the sheet sorts and sums them.
/// </summary>
internal static class SheetsOrderRow
{
    public const string KeyColumnName = "order_key";

    public static IReadOnlyList<string> Header { get; } =
    [
        KeyColumnName, "order_id", "message_id", "reference_number", "request_type", "customer",
        "loading_company", "loading_address", "loading_postal_code", "loading_city", "loading_country",
        "loading_date", "loading_time_from", "loading_time_to", "loading_latitude", "loading_longitude",
        "unloading_company", "unloading_address", "unloading_postal_code", "unloading_city", "unloading_country",
        "unloading_date", "unloading_time_from", "unloading_time_to", "unloading_latitude", "unloading_longitude",
        "stop_count", "cargo_description", "weight_kg", "pallets", "loading_meters", "vehicle_type", "adr",
        "temperature_min_c", "temperature_max_c", "price_amount", "price_currency", "special_requirements",
        "contact_name", "contact_phone", "contact_email",
    ];

    private static readonly string[] StopFields = ["company", "address", "postal_code", "city", "country", "date", "time_from", "time_to", "latitude", "longitude"];

    /// <summary>The key as it is stored in column A: as written (RAW).</summary>
    public static string KeyCell(string orderKey) => orderKey;

    /// <summary>
    /// A key read from column A, without the apostrophe that versions before the RAW fix put before a key
    /// beginning like a formula (<c>= + - @</c>, tab, CR), so rows they wrote are still recognised.
    /// </summary>
    public static string UnguardedKey(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && FormulaInjectionGuard.Neutralise(cell[1..]) == cell ? cell[1..] : cell;

    /// <summary>A row of empty strings: values.update clears every cell with it (a null would leave the cell as it was).</summary>
    public static object?[] Blank() => [.. Enumerable.Repeat<object?>(string.Empty, Header.Count)];

    /// <summary>
    /// <paramref name="values"/> for values.update over an existing row: an empty field becomes <c>""</c>, which
    /// clears the old value, where null would keep it.
    /// </summary>
    public static object?[] Overwriting(object?[] values) => [.. values.Select(v => v ?? string.Empty)];

    /// <summary>The row of <paramref name="entry"/>, in <see cref="Header"/> order: strings, numbers, booleans or null.</summary>
    /// <exception cref="JsonException">The payload is not an order object.</exception>
    public static object?[] Values(OutboxEntry entry)
    {
        using var document = JsonDocument.Parse(entry.PayloadJson);
        var order = document.RootElement;
        if (order.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("the outbox payload is not a JSON object");
        }

        var row = new List<object?>(Header.Count)
        {
            KeyCell(entry.OrderKey),
            Cell(order, "id"),
            Cell(order, "message_id"),
            Cell(order, "reference_number"),
            Cell(order, "request_type"),
            Cell(order, "customer"),
        };
        JsonElement? loading = null;
        JsonElement? unloading = null;
        var stopCount = 0;
        if (order.TryGetProperty("stops", out var stops) && stops.ValueKind == JsonValueKind.Array)
        {
            foreach (var stop in stops.EnumerateArray())
            {
                stopCount++;
                var type = stop.ValueKind == JsonValueKind.Object && stop.TryGetProperty("type", out var t) ? t.GetString() : null;
                if (type == "loading" && loading is null)
                {
                    loading = stop;
                }
                else if (type == "unloading")
                {
                    unloading = stop;
                }
            }
        }

        AddStop(row, loading);
        AddStop(row, unloading);
        row.Add(stopCount);
        row.Add(Cell(order, "cargo_description"));
        row.Add(Cell(order, "weight_kg"));
        row.Add(Cell(order, "pallets"));
        row.Add(Cell(order, "loading_meters"));
        row.Add(Cell(order, "vehicle_type"));
        row.Add(Cell(order, "adr"));
        row.Add(Cell(order, "temperature_min_c"));
        row.Add(Cell(order, "temperature_max_c"));
        var price = order.TryGetProperty("price", out var p) && p.ValueKind == JsonValueKind.Object ? p : (JsonElement?)null;
        row.Add(price is { } pr ? Cell(pr, "amount") : null);
        row.Add(price is { } pc ? Cell(pc, "currency") : null);
        row.Add(Cell(order, "special_requirements"));
        var contact = order.TryGetProperty("contact", out var c) && c.ValueKind == JsonValueKind.Object ? c : (JsonElement?)null;
        row.Add(contact is { } cn ? Cell(cn, "name") : null);
        row.Add(contact is { } cp ? Cell(cp, "phone") : null);
        row.Add(contact is { } ce ? Cell(ce, "email") : null);
        return [.. row];
    }

    private static void AddStop(List<object?> row, JsonElement? stop)
    {
        foreach (var field in StopFields)
        {
            row.Add(stop is { } s ? Cell(s, field) : null);
        }
    }

    /// <summary>A JSON value as a cell: text as written (RAW keeps it text), numbers as decimal, booleans kept, anything else null.</summary>
    private static object? Cell(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.TryGetDecimal(out var number) ? number : value.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
    }
}
