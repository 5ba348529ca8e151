namespace FleetManager.Storage;

/// <summary>The first failing outbox rows (<see cref="IOrderStore.SelectFailingOutbox"/>) and how many there are in all.</summary>
public sealed record FailingOutboxSelection(IReadOnlyList<FailingOutboxRow> Rows, long Total);
