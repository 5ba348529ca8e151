using FleetManager.Storage.Corrections;

namespace FleetManager.Storage;

/// <summary>
/// One order as the orders page shows it, read from the <c>order_list</c> row alone (never the order's JSON): its cells
/// as the page prints them (corrections applied; dates <c>yyyy-MM-dd</c>, the weight and price in the invariant culture;
/// null where the order has no value), its status, whether it needs review and how many corrections it has. The full
/// order (the API, exports) is <see cref="IOrderStore.BrowseOrdersAsync"/>'s.
/// </summary>
public sealed record OrderListEntry(
    long Id,
    string? ReferenceNumber,
    string? RequestType,
    string? Customer,
    string? LoadingCity,
    string? LoadingCountry,
    string? LoadingDate,
    string? UnloadingCity,
    string? UnloadingCountry,
    string? UnloadingDate,
    string? CargoDescription,
    string? WeightKg,
    string? VehicleType,
    string? Price,
    double? Confidence,
    OrderStatus Status,
    bool NeedsReview,
    int CorrectionCount);
