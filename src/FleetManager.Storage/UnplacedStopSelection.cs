namespace FleetManager.Storage;

/// <summary>The first unplaced stops (<see cref="IOrderStore.SelectUnplacedStops"/>) and how many there are in all.</summary>
public sealed record UnplacedStopSelection(IReadOnlyList<UnplacedStopRow> Stops, long Total);
