using FleetManager.Core.Model;
using FleetManager.Storage.Corrections;

namespace FleetManager.Storage;

/// <summary>An open order's lane: its stops that have coordinates, in stop order (reference and customer as read).</summary>
public sealed record OpenLane(long OrderId, string? ReferenceNumber, string? Customer, OrderStatus Status, IReadOnlyList<Stop> Stops);
