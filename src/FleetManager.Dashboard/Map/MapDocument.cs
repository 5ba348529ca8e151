namespace FleetManager.Dashboard.Map;

/// <summary>What <c>/api/v1/map/lanes</c> answers: the lanes to draw and how many open orders could not be drawn.</summary>
/// <param name="Lanes">Orders with at least one geocoded stop (at most <see cref="MapLaneReader.MaxLanes"/>).</param>
/// <param name="OpenOrders">Open orders in all.</param>
/// <param name="WithoutCoordinates">Open orders none of whose stops has coordinates.</param>
public sealed record MapDocument(IReadOnlyList<MapLane> Lanes, int OpenOrders, int WithoutCoordinates);
