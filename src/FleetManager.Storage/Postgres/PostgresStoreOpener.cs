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
            var connection = new NpgsqlConnection(builder.ConnectionString);
            await using (connection.ConfigureAwait(false))
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
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
            throw new OrderBookUnavailableException("(PostgreSQL)", "the connection string cannot be read: " + exception.GetType().Name, exception);
        }
    }

    public static PostgresOrderBook Open(string connectionString, OrderStoreOptions options, IReadOnlyList<MigrationStep> steps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        var builder = Parse(connectionString);
        var location = PostgresConnectionString.Describe(builder);
        var sinks = OutboxSinkNames.Validate(location, options.OutboxSinks);
        var dataSource = NpgsqlDataSource.Create(builder);
        try
        {
            var (from, to) = Migrate(dataSource, location, steps, options.ApplyMigrations);
            return new PostgresOrderBook(dataSource, location, from, to, sinks);
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

    private static (int From, int To) Migrate(NpgsqlDataSource dataSource, string location, IReadOnlyList<MigrationStep> steps, bool apply)
    {
        var latest = steps[^1].Version;
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };

        // Every process that opens the database takes this lock first, so two starting at once do
        // not both run a step; it is released with the transaction.
        command.CommandText = "SELECT pg_advisory_xact_lock(7412150301)";
        command.ExecuteNonQuery();

        var version = ReadVersion(command, location);
        var from = version;
        if (version > latest)
        {
            // Expand/contract (docs/storage.md): a later release's additive steps keep this release working.
            command.CommandText = "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'schema_version' AND column_name = 'compatible_from'";
            if ((long)command.ExecuteScalar()! == 1)
            {
                command.CommandText = "SELECT compatible_from FROM schema_version WHERE id = 1";
                if (command.ExecuteScalar() is int compatibleFrom && compatibleFrom <= latest)
                {
                    transaction.Commit();
                    return (from, version);
                }
            }

            throw new OrderBookUnavailableException(
                location, $"its schema version is {version}, newer than the {latest} this program knows; use a newer FleetManager");
        }

        if (version < latest && !apply)
        {
            throw new OrderBookUnavailableException(
                location, $"its schema version is {version}, older than the {latest} this program writes, and migrations at open are disabled; run 'fleetmanager db migrate'");
        }

        foreach (var step in steps)
        {
            if (step.Version <= version)
            {
                continue;
            }

            command.Parameters.Clear();
            command.CommandText = step.Sql;
            try
            {
                command.ExecuteNonQuery();
            }
            catch (PostgresException exception)
            {
                throw new OrderBookUnavailableException(
                    location, $"schema step {step.Version} failed and nothing was changed: {exception.MessageText}", exception);
            }

            command.CommandText =
                "INSERT INTO schema_version (id, version) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version";
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = step.Version });
            command.ExecuteNonQuery();
            version = step.Version;
        }

        transaction.Commit();
        return (from, version);
    }

    private static int ReadVersion(NpgsqlCommand command, string location)
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
