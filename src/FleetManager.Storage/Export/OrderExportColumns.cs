using FleetManager.Core.Model;

namespace FleetManager.Storage.Export;

/// <summary>
/// The flat shape of an order in CSV and XLSX exports: one row per order, the first loading and
/// the last unloading stop spelled out. Values keep their types (numbers, dates, booleans) so each
/// format can write them natively.
/// </summary>
internal static class OrderExportColumns
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "id", "message_id", "reference_number", "request_type", "customer",
        "loading_company", "loading_address", "loading_postal_code", "loading_city", "loading_country",
        "loading_date", "loading_time_from", "loading_time_to",
        "unloading_company", "unloading_address", "unloading_postal_code", "unloading_city", "unloading_country",
        "unloading_date", "unloading_time_from", "unloading_time_to",
        "stop_count", "cargo_description", "weight_kg", "pallets", "loading_meters", "vehicle_type", "adr",
        "temperature_min_c", "temperature_max_c", "price_amount", "price_currency", "special_requirements",
        "contact_name", "contact_phone", "contact_email",
    ];

    /// <summary>
    /// The row for one order, in <see cref="Names"/> order: strings, <see cref="long"/>, <see cref="int"/>,
    /// <see cref="decimal"/>, <see cref="bool"/>, <see cref="DateOnly"/>, <see cref="TimeOnly"/> or null.
    /// </summary>
    public static object?[] Values(StoredOrder stored)
    {
        var order = stored.Order;
        var loading = order.Stops.FirstOrDefault(s => s.Type == StopType.Loading);
        var unloading = order.Stops.LastOrDefault(s => s.Type == StopType.Unloading);
        return
        [
            stored.Id,
            stored.Message.MessageId,
            order.ReferenceNumber,
            order.RequestType is { } requestType ? SpecText.Of(requestType) : null,
            order.Customer,
            loading?.Company, loading?.Address, loading?.PostalCode, loading?.City, loading?.Country,
            loading?.Date, loading?.TimeFrom, loading?.TimeTo,
            unloading?.Company, unloading?.Address, unloading?.PostalCode, unloading?.City, unloading?.Country,
            unloading?.Date, unloading?.TimeFrom, unloading?.TimeTo,
            order.Stops.Count,
            order.CargoDescription,
            order.WeightKg,
            order.Pallets,
            order.LoadingMeters,
            order.VehicleType is { } vehicle ? SpecText.Of(vehicle) : null,
            order.Adr,
            order.TemperatureMinC,
            order.TemperatureMaxC,
            order.Price?.Amount,
            order.Price?.Currency,
            order.SpecialRequirements,
            order.Contact?.Name,
            order.Contact?.Phone,
            order.Contact?.Email,
        ];
    }
}
