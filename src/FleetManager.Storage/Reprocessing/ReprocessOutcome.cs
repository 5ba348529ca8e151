namespace FleetManager.Storage.Reprocessing;

/// <summary>What reprocessing did with one message.</summary>
public enum ReprocessOutcome
{
    /// <summary>Today's pipeline gives exactly what is stored: nothing written.</summary>
    Unchanged,

    /// <summary>A processed message whose classification or orders changed: replaced.</summary>
    Changed,

    /// <summary>A quarantined message that today's pipeline reads: its orders are stored now.</summary>
    NewlyProcessed,

    /// <summary>A quarantined message that is still quarantined (its reason is updated when it changed).</summary>
    StillQuarantined,

    /// <summary>
    /// A processed message that today's pipeline quarantines: its stored orders are kept (reprocessing never
    /// throws away orders that were read), and the reason is reported.
    /// </summary>
    KeptDespiteFailure,

    /// <summary>The raw bytes were purged (<c>Storage:RawMessageRetention</c>): the message cannot be read again.</summary>
    RawPurged,
}
