using System.Text.Json;

namespace FleetManager.Dashboard.Api;

/// <summary>
/// The body of <c>PATCH /api/v1/orders/{id}</c>: fields to correct (spec names, as the order page's form) and/or a
/// new status. Every value is checked before anything is written: one bad value refuses the whole request.
/// </summary>
public sealed record OrderPatchRequest
{
    /// <summary>
    /// Field name → new value: a string (<c>"12500"</c>, <c>"2026-12-03"</c>, <c>"08:00"</c>, <c>"DE"</c>), a number, true/false,
    /// or null to clear it. Names as <c>weight_kg</c>, <c>price.amount</c>, <c>contact.email</c>, <c>stops[0].city</c>.
    /// </summary>
    public IReadOnlyDictionary<string, JsonElement>? Fields { get; init; }

    /// <summary>new, reviewed, assigned, in_transit, delivered or cancelled.</summary>
    public string? Status { get; init; }
}
