namespace FleetManager.Dashboard.Review;

/// <summary>A stop with a place the geocoder could not put on the map (no coordinates).</summary>
/// <param name="OrderId">The order's id.</param>
/// <param name="Reference">The order's reference number, if read.</param>
/// <param name="StopIndex">The stop's position in the order (0-based).</param>
/// <param name="Type">loading or unloading.</param>
/// <param name="Place">What was read of the place: postal code, city, country.</param>
public sealed record UnplacedStop(long OrderId, string? Reference, int StopIndex, string Type, string Place);
