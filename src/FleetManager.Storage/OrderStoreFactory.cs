using FleetManager.Storage.Postgres;
using FleetManager.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace FleetManager.Storage;

/// <summary>
/// Opens the order book that one connection string names: PostgreSQL for a <c>postgres://</c> URI or
/// an Npgsql keyword string, SQLite for anything else (a file path or <c>Data Source=FILE</c>).
/// </summary>
public static class OrderStoreFactory
{
    /// <summary>Which back-end <paramref name="connectionString"/> selects.</summary>
    public static OrderStoreKind KindOf(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var text = connectionString.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
            text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return OrderStoreKind.PostgreSql;
        }

        // A keyword string naming a server is Npgsql's; SQLite's keyword strings name a Data Source.
        return HasKeyword(text, "host") || HasKeyword(text, "server")
            ? OrderStoreKind.PostgreSql
            : OrderStoreKind.Sqlite;
    }

    /// <summary>
    /// Opens (and, unless <see cref="OrderStoreOptions.ApplyMigrations"/> is false, migrates) the store
    /// that <see cref="OrderStoreOptions.ConnectionString"/> names.
    /// </summary>
    /// <exception cref="OrderBookUnavailableException">The store cannot be reached, opened or migrated; the message says why.</exception>
    public static IOrderStore Open(OrderStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new OrderBookUnavailableException("(none)", "no connection string or file path is configured (set Storage:ConnectionString or --db)");
        }

        var connectionString = options.ConnectionString.Trim();
        return KindOf(connectionString) == OrderStoreKind.PostgreSql
            ? PostgresOrderBook.Open(connectionString, options)
            : SqliteOrderBook.Open(SqlitePath(connectionString), options);
    }

    /// <summary>
    /// Opens the store for a verb that only reads it: a SQLite book read-only (see
    /// <see cref="SqliteOrderBook.OpenForReading"/>), so a read-only file, folder or mount can be read; a
    /// PostgreSQL store as <see cref="Open"/> does.
    /// </summary>
    /// <exception cref="OrderBookUnavailableException">As <see cref="Open"/>.</exception>
    public static IOrderStore OpenForReading(OrderStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return Open(options);
        }

        var connectionString = options.ConnectionString.Trim();
        return KindOf(connectionString) == OrderStoreKind.PostgreSql
            ? PostgresOrderBook.Open(connectionString, options)
            : SqliteOrderBook.OpenForReading(SqlitePath(connectionString), options);
    }

    /// <summary>
    /// The readiness probe of the store <paramref name="connectionString"/> names: it reads the store afresh each
    /// time (a new connection, never an open store's), so it sees the file or server as it is now.
    /// </summary>
    public static IStoreProbe CreateProbe(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return KindOf(connectionString) == OrderStoreKind.PostgreSql
            ? new PostgresStoreProbe(connectionString)
            : new SqliteStoreProbe(connectionString);
    }

    /// <summary>
    /// SQLite's full <c>PRAGMA integrity_check</c> of the book <paramref name="connectionString"/> names, read-only on a
    /// connection of its own: null when it passes (or the store is PostgreSQL, which has no such check), else its
    /// first findings. The doctor's check goes through here so the executable handles no SQLite exception.
    /// </summary>
    /// <exception cref="OrderBookUnavailableException">The file cannot be opened at all (permissions, locked); the reason is SQLite's own words.</exception>
    public static string? CheckIntegrity(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        if (KindOf(connectionString) != OrderStoreKind.Sqlite)
        {
            return null;
        }

        var path = Path.GetFullPath(SqlitePath(connectionString));
        try
        {
            return SqliteIntegrity.CheckFile(path, thorough: true);
        }
        catch (SqliteException exception)
        {
            throw new OrderBookUnavailableException(path, exception.Message, exception, SqliteFailures.FixFor(exception));
        }
    }

    /// <summary>The file a SQLite connection string names: the path itself, or its <c>Data Source</c>.</summary>
    public static string SqlitePath(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var text = connectionString.Trim();
        if (HasKeyword(text, "data source") || HasKeyword(text, "datasource") || HasKeyword(text, "filename"))
        {
            var dataSource = new SqliteConnectionStringBuilder(text).DataSource;
            if (!string.IsNullOrWhiteSpace(dataSource))
            {
                return dataSource;
            }
        }

        return text;
    }

    private static bool HasKeyword(string text, string keyword)
    {
        foreach (var part in text.Split(';'))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && part[..equals].Trim().Equals(keyword, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
