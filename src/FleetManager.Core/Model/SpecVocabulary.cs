using FleetManager.Core.Json;

namespace FleetManager.Core.Model;

/// <summary>The spec's closed vocabularies (order-format.md), each named once on its enum.</summary>
public static class SpecVocabulary
{
    public static SpecNames<Classification> Classifications { get; } = new(FleetManagerJsonContext.Default.Classification);

    public static SpecNames<RequestType> RequestTypes { get; } = new(FleetManagerJsonContext.Default.RequestType);

    public static SpecNames<StopType> StopTypes { get; } = new(FleetManagerJsonContext.Default.StopType);

    public static SpecNames<VehicleType> VehicleTypes { get; } = new(FleetManagerJsonContext.Default.VehicleType);

    /// <summary>
    /// The ISO 4217 codes the spec names for <c>price.currency</c>, in its order. The field is a string, not an
    /// enum (any ISO code is valid), so the list lives here as data: the model schema describes the field with it.
    /// </summary>
    public static IReadOnlyList<string> Currencies { get; } = ["EUR", "BGN", "PLN", "RON", "CZK", "HUF", "GBP", "CHF", "USD"];
}
