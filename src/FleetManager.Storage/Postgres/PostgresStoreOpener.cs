using FleetManager.Storage.Schema;
using Npgsql;

namespace FleetManager.Storage.Postgres;

/// <summary>
/// Opens a PostgreSQL order book (parses the connection string, connects, migrates under an advisory lock)
/// and reads a database's schema version for the readiness probe; failures become the store's exceptions.
/// </summary>
internal static class PostgresStoreOpener
{
    /// <summary>
    /// The schema version of the database <paramref name="connectionString"/> names (0: not created yet), read
    /// on a fresh connection that changes nothing: the readiness probe, which must see the server as it is now.
    /// </summary>
    /// <exception cref="OrderBookUnavailableException">The server cannot be reached, refuses the login, or the database is missing.</exception>
    public static async Task<int> ReadSchemaVersionAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = Parse(connectionString);
        var location = PostgresConnectionString.Describe(builder);
        builder.Pooling = false;
        builder.Timeout = Math.Min(builder.Timeout, 5);
        try
        {
            var dataSource = PostgresDataSourceFactory.Create(builder);
            await using (dataSource.ConfigureAwait(false))
            {
                var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using var connectionScope = connection.ConfigureAwait(false);
                var command = connection.CreateCommand();
                await using (command.ConfigureAwait(false))
                {
                    return ReadVersion(command, location);
                }
            }
        }
        catch (Exception exception) when (PostgresFailures.Translate(exception, location) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>Reads a connection string; a failure never echoes the text, which may hold a password.</summary>
    public static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        try
        {
            return PostgresConnectionString.Parse(connectionString);
        }
        catch (Exception exception) when (exception is ArgumentException or UriFormatException or FormatException or KeyNotFoundException)
        {
            throw new OrderBookUnavailableException("(PostgreSQL)", "the connection string cannot be read: " + WhatIsWrong(exception), exception, PostgresFailures.Fix);
        }
    }

    // Npgsql names the keyword in ArgumentException.ParamName; the value (in the inner exception's message) is never
    // repeated, since it may be a password.
    private static string WhatIsWrong(Exception exception) => exception switch
    {
        ArgumentException { ParamName: { Length: > 0 } keyword, InnerException: KeyNotFoundException } =>
            $"'{keyword}' is not a PostgreSQL connection keyword (Host, Port, Database, Username, Password, SSL Mode ...)",
        ArgumentException { ParamName: { Length: > 0 } keyword } => $"the value of '{keyword}' is not valid",
        UriFormatException => "the postgres:// address is not a valid URI (postgres://user:password@host:port/database)",
        _ => exception.GetType().Name,
    };

    public static PostgresOrderBook Open(string connectionString, OrderStoreOptions options, IReadOnlyList<MigrationStep> steps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        var builder = Parse(connectionString);
        var location = PostgresConnectionString.Describe(builder);
        var sinks = OutboxSinkNames.Validate(location, options.OutboxSinks);
        var dataSource = PostgresDataSourceFactory.Create(builder);
        try
        {
            (int from, int to) migrated;
            using (var session = new PostgresMigrationSession(dataSource, location))
            {
                migrated = SchemaMigrator.Migrate(session, location, steps, options.ApplyMigrations);
            }

            var (from, to) = migrated;
            return new PostgresOrderBook(dataSource, location, from, to, sinks, HasSearchIndex(dataSource));
        }
        catch (Exception exception)
        {
            dataSource.Dispose();
            if (PostgresFailures.Translate(exception, location) is { } failure)
            {
                throw failure;
            }

            throw;
        }
    }

    // An older schema (a store opened without migrating) has no order_list yet: nothing to warn about.
    private static bool HasSearchIndex(NpgsqlDataSource dataSource)
    {
        using var command = dataSource.CreateCommand(
            "SELECT NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'order_list' AND relkind = 'r') OR (EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') " +
            "AND EXISTS (SELECT 1 FROM pg_class WHERE relname = 'order_list_search' AND relkind = 'i'))");
        return command.ExecuteScalar() is true;
    }

    public static int ReadVersion(NpgsqlCommand command, string location)
    {
        command.CommandText = "SELECT to_regclass('schema_version') IS NOT NULL, to_regclass('ledger') IS NOT NULL";
        bool hasVersion, hasLedger;
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            hasVersion = reader.GetBoolean(0);
            hasLedger = reader.GetBoolean(1);
        }

        if (!hasVersion)
        {
            if (hasLedger)
            {
                // Migrating would add our tables beside somebody else's.
                throw new OrderBookUnavailableException(location, "it has a ledger table but no schema_version table (a database of another program?)");
            }

            return 0;
        }

        command.CommandText = "SELECT version FROM schema_version WHERE id = 1";
        return command.ExecuteScalar() is int version
            ? version
            : throw new OrderBookUnavailableException(location, "its schema_version table is empty");
    }
}
