namespace FleetManager.Core.Pipeline;

/// <summary>What a sink does with an outbox entry's row.</summary>
public enum OutboxChange
{
    /// <summary>A newly committed order: write its row unless the sink already holds the key (a re-delivery after a crash).</summary>
    Insert,

    /// <summary>A reprocessed order: replace the row with this key where the sink holds one, else write it.</summary>
    Upsert,

    /// <summary>An order that reprocessing removed: delete (clear) the row with this key if the sink holds one.</summary>
    Delete,
}
