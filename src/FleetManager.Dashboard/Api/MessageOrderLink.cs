namespace FleetManager.Dashboard.Api;

/// <summary>An order of a message, as the message's page lists it.</summary>
/// <param name="Id">The order's id (<c>/api/v1/orders/{id}</c>).</param>
/// <param name="OrderIndex">Its position within the message.</param>
/// <param name="ReferenceNumber">Its reference number as read.</param>
/// <param name="Customer">Its customer as read.</param>
public sealed record MessageOrderLink(long Id, int OrderIndex, string? ReferenceNumber, string? Customer);
