using System.Globalization;
using FleetManager.Core.Model;

namespace FleetManager.Storage;

/// <summary>
/// The spec's text for enum values, dates and times as stored in typed columns, so the database
/// reads the same as the JSON ("quote_request", "2026-12-03", "08:00").
/// </summary>
internal static class SpecText
{
    public static string Of(Classification value) => value switch
    {
        Classification.Order => "order",
        Classification.Invoice => "invoice",
        _ => "other",
    };

    public static Classification? ParseClassification(string? text) => text switch
    {
        null => null,
        "order" => Classification.Order,
        "invoice" => Classification.Invoice,
        "other" => Classification.Other,
        _ => throw new FormatException($"Unknown classification '{text}' in the order book."),
    };

    public static string Of(RequestType value) => value switch
    {
        RequestType.Booking => "booking",
        RequestType.QuoteRequest => "quote_request",
        _ => "load_offer",
    };

    public static RequestType? ParseRequestType(string? text) => text switch
    {
        null => null,
        "booking" => RequestType.Booking,
        "quote_request" => RequestType.QuoteRequest,
        "load_offer" => RequestType.LoadOffer,
        _ => throw new FormatException($"Unknown request type '{text}' in the order book."),
    };

    public static string Of(StopType value) => value == StopType.Loading ? "loading" : "unloading";

    public static string Of(VehicleType value) => value switch
    {
        VehicleType.Tautliner => "tautliner",
        VehicleType.Box => "box",
        VehicleType.Reefer => "reefer",
        VehicleType.Mega => "mega",
        VehicleType.Jumbo => "jumbo",
        VehicleType.Flatbed => "flatbed",
        VehicleType.Van => "van",
        VehicleType.Tanker => "tanker",
        VehicleType.Container => "container",
        _ => "other",
    };

    public static VehicleType? ParseVehicleType(string? text)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var value in Enum.GetValues<VehicleType>())
        {
            if (Of(value) == text)
            {
                return value;
            }
        }

        throw new FormatException($"Unknown vehicle type '{text}' in the order book.");
    }

    public static string Of(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDate(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Of(TimeOnly value) => value.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Round-trip form that keeps the offset as given.</summary>
    public static string Of(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseTimestamp(string? text) =>
        text is null ? null : DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
