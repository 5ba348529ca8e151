using Npgsql;

namespace FleetManager.Storage.Postgres;

/// <summary>Connects afresh (never through the pollers' pool) and reads the PostgreSQL order book's schema version.</summary>
public sealed class PostgresStoreProbe(string connectionString) : IStoreProbe
{
    public string Describe => "PostgreSQL " + Safe(connectionString);

    public async Task<StoreHealth> CheckAsync(CancellationToken cancellationToken)
    {
        var latest = PostgresOrderBook.LatestSchemaVersion;
        try
        {
            var version = await PostgresStoreOpener.ReadSchemaVersionAsync(connectionString, cancellationToken).ConfigureAwait(false);
            return version == latest
                ? new StoreHealth(true, $"{Describe} reachable, schema version {version}")
                : version < latest
                    ? new StoreHealth(false, $"{Describe} has schema version {version}, older than {latest}",
                        "it is migrated when the service opens it (Storage:ApplyMigrations), or run 'fleetmanager db migrate'")
                    : new StoreHealth(false, $"{Describe} has schema version {version}, newer than {latest} this program knows",
                        "run the newer FleetManager, or restore the backup taken before the upgrade");
        }
        catch (OrderBookUnavailableException ex)
        {
            return new StoreHealth(false, ex.Message, "check that PostgreSQL runs and that Storage:ConnectionString names it with a valid login");
        }
    }

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> ReadLastPollTimesAsync(CancellationToken cancellationToken)
    {
        var builder = PostgresConnectionString.Parse(connectionString);
        builder.Pooling = false;
        builder.Timeout = Math.Min(builder.Timeout, 5);
        var times = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var dataSource = PostgresDataSourceFactory.Create(builder);
        await using (dataSource.ConfigureAwait(false))
        {
            var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var connectionScope = connection.ConfigureAwait(false);
            var command = new NpgsqlCommand("SELECT source, saved_at FROM source_cursor", connection);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        times[reader.GetString(0)] = reader.GetFieldValue<DateTimeOffset>(1);
                    }
                }
            }
        }

        return times;
    }

    /// <summary>Host, port and database only: the connection string may carry a password.</summary>
    private static string Safe(string connectionString)
    {
        try
        {
            return PostgresConnectionString.Describe(PostgresConnectionString.Parse(connectionString));
        }
        catch (Exception ex) when (ex is ArgumentException or UriFormatException or FormatException or KeyNotFoundException)
        {
            return "(connection string cannot be read)";
        }
    }
}
