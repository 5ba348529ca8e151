namespace FleetManager.Storage;

/// <summary>How to open the order book (configuration section <c>Storage</c>).</summary>
public sealed class OrderStoreOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Storage";

    /// <summary>
    /// The one setting that picks the back-end. A <c>postgres://user:password@host:port/database</c>
    /// (or <c>postgresql://</c>) URI or an Npgsql keyword string (<c>Host=...;Database=...</c>) selects
    /// PostgreSQL; anything else is a SQLite file path (or a <c>Data Source=FILE</c> string). Null or
    /// empty: the SQLite file <c>$DATA_DIR/fleetmanager.db</c>, else <c>./fleetmanager.db</c>.
    /// Environment: <c>FLEETMANAGER__STORAGE__CONNECTIONSTRING</c>; the CLI's <c>--db</c> overrides it.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Sinks fed from the outbox (<c>sheets</c>): each committed order gets one outbox row per sink, in
    /// the commit's transaction. Empty by default (no outbox writes at all).
    /// </summary>
    public IList<string> OutboxSinks { get; } = [];

    /// <summary>
    /// Apply pending schema steps when the store opens (default true). False: a store with an older
    /// schema is refused with a hint to run <c>fleetmanager db migrate</c>.
    /// </summary>
    public bool ApplyMigrations { get; set; } = true;

    /// <summary>
    /// How long raw messages are kept after they were processed; older raw bodies are deleted while their
    /// ledger rows and orders stay (a purged message can no longer be reprocessed). Null (the default): kept for
    /// ever. A TimeSpan; a plain number is days (<c>90</c> = <c>90.00:00:00</c>). Applied daily by the service
    /// (<c>fleetmanager run</c>) and on demand by <c>fleetmanager db purge</c>.
    /// Environment: <c>FLEETMANAGER__STORAGE__RAWMESSAGERETENTION</c>.
    /// </summary>
    public TimeSpan? RawMessageRetention { get; set; }

    /// Run SQLite's quick check when the file is opened and refuse a damaged one (<see cref="StoreDamagedException"/>).
    /// The verbs that write (import, poll) and the service set it; SQLite only.
    /// </summary>
    public bool VerifyIntegrity { get; set; }
}
