using System.Globalization;
using FleetManager.Core.Model;

namespace FleetManager.Storage;

/// <summary>
/// The spec's text for enum values (<see cref="SpecVocabulary"/>), dates and times as stored in typed columns,
/// so the database reads the same as the JSON ("quote_request", "2026-12-03", "08:00").
/// </summary>
internal static class SpecText
{
    public static string Of(Classification value) => SpecVocabulary.Classifications.Of(value);

    public static Classification? ParseClassification(string? text) => Parse(SpecVocabulary.Classifications, text, "classification");

    public static string Of(RequestType value) => SpecVocabulary.RequestTypes.Of(value);

    public static RequestType? ParseRequestType(string? text) => Parse(SpecVocabulary.RequestTypes, text, "request type");

    public static string Of(StopType value) => SpecVocabulary.StopTypes.Of(value);

    public static string Of(VehicleType value) => SpecVocabulary.VehicleTypes.Of(value);

    public static VehicleType? ParseVehicleType(string? text) => Parse(SpecVocabulary.VehicleTypes, text, "vehicle type");

    private static TEnum? Parse<TEnum>(SpecNames<TEnum> names, string? text, string what)
        where TEnum : struct, Enum =>
        text is null ? null : names.Find(text) ?? throw new FormatException($"Unknown {what} '{text}' in the order book.");

    public static string Of(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDate(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Of(TimeOnly value) => value.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Round-trip form that keeps the offset as given.</summary>
    public static string Of(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseTimestamp(string? text) =>
        text is null ? null : DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
