using FleetManager.Storage.Schema;
using FleetManager.Storage.Sql;
using FleetManager.Storage.Sqlite;
using Npgsql;

namespace FleetManager.Storage.Postgres;

/// <summary>
/// The order book on PostgreSQL: the same tables, guarantees and schema versions as
/// <see cref="SqliteOrderBook"/>, for several processes or instances sharing one database. The rooms that do
/// the work: <see cref="PostgresStoreOpener"/> (open, migrate), <see cref="PostgresLedgerWriter"/> (commits), and
/// the statements shared with SQLite (<see cref="SqlOrderStore"/>) spelled by <see cref="PostgresDialect"/>.
/// </summary>
/// <remarks>
/// Each call takes a pooled connection from one <see cref="NpgsqlDataSource"/>, so an instance may be used
/// from several threads. Leases are one atomic upsert.
/// </remarks>
public sealed class PostgresOrderBook : SqlOrderStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string? _searchIndexWarning;

    internal PostgresOrderBook(NpgsqlDataSource dataSource, string location, int from, int to, IReadOnlyList<string> sinks, bool searchIndexed)
        : base(new PostgresDialect(dataSource), new PostgresLedgerWriter(dataSource, sinks), location, from, to, sinks, serialize: false)
    {
        _dataSource = dataSource;
        _searchIndexWarning = searchIndexed
            ? null
            : $"{location}: the orders list's search has no index (the pg_trgm extension is missing or was refused), so it scans every order; "
                + "as a database owner run 'CREATE EXTENSION pg_trgm; CREATE INDEX order_list_search ON order_list USING gin (search_text gin_trgm_ops);' (docs/storage.md)";
    }

    /// <inheritdoc />
    public override string? SearchIndexWarning => _searchIndexWarning;

    /// <inheritdoc />
    public override OrderStoreKind Kind => OrderStoreKind.PostgreSql;

    /// <summary>The schema version this code writes.</summary>
    public static int LatestSchemaVersion => OrderBookSchema.LatestVersion;

    /// <summary>
    /// Connects to the database that <paramref name="connectionString"/> names (a <c>postgres://</c> URI or
    /// an Npgsql keyword string) and applies pending schema steps unless <see cref="OrderStoreOptions.ApplyMigrations"/> is false.
    /// </summary>
    /// <exception cref="OrderBookUnavailableException">The server cannot be reached, refuses the login, the
    /// database is missing, holds a newer schema, or migrating fails.</exception>
    public static PostgresOrderBook Open(string connectionString, OrderStoreOptions options) =>
        PostgresStoreOpener.Open(connectionString, options, OrderBookSchema.ForPostgres);

    internal static PostgresOrderBook Open(string connectionString, OrderStoreOptions options, IReadOnlyList<MigrationStep> steps) =>
        PostgresStoreOpener.Open(connectionString, options, steps);

    /// <summary>
    /// The schema version of the database <paramref name="connectionString"/> names (0: not created yet), read
    /// on a fresh connection that changes nothing: the readiness probe, which must see the server as it is now.
    /// </summary>
    /// <exception cref="OrderBookUnavailableException">The server cannot be reached, refuses the login, or the database is missing.</exception>
    public static Task<int> ReadSchemaVersionAsync(string connectionString, CancellationToken cancellationToken) =>
        PostgresStoreOpener.ReadSchemaVersionAsync(connectionString, cancellationToken);

    /// <summary>Closes the pool's connections.</summary>
    private protected override void CloseConnections() => _dataSource.Dispose();
}
