namespace FleetManager.Storage;

/// <summary>
/// The first open orders' lanes (<see cref="IOrderStore.SelectOpenLanes"/>), how many orders are open (not delivered
/// or cancelled) and how many of those have no stop with coordinates.
/// </summary>
public sealed record OpenLaneSelection(IReadOnlyList<OpenLane> Lanes, long Open, long Unplaced);
