using FleetManager.Core.Model;

namespace FleetManager.Storage;

/// <summary>An order as stored: the order itself (spec shape, with its field evidence) and its message's ledger row.</summary>
/// <param name="Id">The order's id in the order book.</param>
/// <param name="OrderIndex">Position of the order within its message (0-based).</param>
/// <param name="Message">The ledger row of the message the order came from.</param>
/// <param name="Order">The order with its stops and <see cref="TransportOrder.Sources"/>.</param>
/// <param name="OrderJson">The order exactly as stored, in the spec's Order shape (compact JSON).</param>
public sealed record StoredOrder(long Id, int OrderIndex, LedgerEntry Message, TransportOrder Order, string OrderJson);
