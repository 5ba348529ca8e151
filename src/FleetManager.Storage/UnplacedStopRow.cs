using FleetManager.Core.Model;

namespace FleetManager.Storage;

/// <summary>A stop with a place the geocoder could not locate (no coordinates), as read: the review queue's geocoding failures.</summary>
public sealed record UnplacedStopRow(long OrderId, string? ReferenceNumber, int StopIndex, StopType Type, string? PostalCode, string? City, string? Country);
