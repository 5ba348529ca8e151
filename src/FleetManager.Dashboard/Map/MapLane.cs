namespace FleetManager.Dashboard.Map;

/// <summary>One order on the map: its geocoded stops in order (loading → unloading).</summary>
/// <param name="Id">The order's id.</param>
/// <param name="Reference">Its reference number.</param>
/// <param name="Customer">Its customer.</param>
/// <param name="Status">Its workflow status.</param>
/// <param name="Stops">Its stops that have coordinates.</param>
public sealed record MapLane(long Id, string? Reference, string? Customer, string Status, IReadOnlyList<MapStop> Stops);
