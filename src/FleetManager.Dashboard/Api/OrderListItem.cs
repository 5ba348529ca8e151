using FleetManager.Core.Model;

namespace FleetManager.Dashboard.Api;

/// <summary>One row of <c>GET /api/v1/orders</c>: the order with corrections applied, in the spec's shape, and its review state.</summary>
/// <param name="Id">The order's id in the order book (<c>/api/v1/orders/{id}</c>).</param>
/// <param name="Status">new, reviewed, assigned, in_transit, delivered or cancelled.</param>
/// <param name="NeedsReview">True while the order is new and a required field is missing or the reader was unsure.</param>
/// <param name="CorrectionCount">How many corrections were made to it.</param>
/// <param name="MessageId">The ledger id of the message it came from (<c>/api/v1/messages/{id}</c>).</param>
/// <param name="Order">The order in the spec's Order shape (order-format.md), corrections applied.</param>
public sealed record OrderListItem(long Id, string Status, bool NeedsReview, int CorrectionCount, long MessageId, TransportOrder Order);
