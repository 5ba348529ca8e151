using System.Text.Json;
using FleetManager.Core.Json;
using FleetManager.Core.Model;

namespace FleetManager.Storage;

/// <summary>
/// A message's outcome as both back-ends store it (status, classification and reason as text, each order as
/// its spec JSON and evidence JSON), so a replacement can tell "exactly what is stored" without writing.
/// </summary>
internal sealed record StoredOutcome(string Status, string? Classification, string? Error, IReadOnlyList<(string Json, string? Sources)> Orders)
{
    public static StoredOutcome Of(EmailResult result)
    {
        var quarantined = result.Error is not null;
        var orders = quarantined ? [] : result.Orders;
        return new StoredOutcome(
            quarantined ? "quarantined" : "processed",
            !quarantined && result.Classification is { } classification ? SpecText.Of(classification) : null,
            result.Error,
            [.. orders.Select(o => (
                JsonSerializer.Serialize(o, FleetManagerJsonContext.Compact.TransportOrder),
                o.Sources.Count == 0 ? null : OrderRows.SerializeSources(o.Sources)))]);
    }

    public bool SameAs(StoredOutcome other) =>
        Status == other.Status
        && Classification == other.Classification
        && Error == other.Error
        && Orders.SequenceEqual(other.Orders);
}
