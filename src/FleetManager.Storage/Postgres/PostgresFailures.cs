using Npgsql;

namespace FleetManager.Storage.Postgres;

/// <summary>
/// What a PostgreSQL failure means to the user: one wording per SQLSTATE the user can act on, and the
/// translation of Npgsql's exceptions into the store's, so no <see cref="NpgsqlException"/> leaves Storage.
/// </summary>
internal static class PostgresFailures
{
    /// <summary>What to do about a PostgreSQL store that cannot be used (the default fix speaks of files).</summary>
    public const string Fix = "Fix the --db connection string or Storage:ConnectionString (host, port, database, user, password), or start PostgreSQL, then run again.";

    /// <summary>The store's exception for a failure talking to the server, or null for a bug (rethrown as it is).</summary>
    public static OrderBookUnavailableException? Translate(Exception exception, string location) => exception switch
    {
        OrderBookUnavailableException unavailable => unavailable,
        PostgresException pg => new OrderBookUnavailableException(location, Describe(pg), pg, Fix),
        NpgsqlException npgsql => new OrderBookUnavailableException(
            location, "the server cannot be reached (check host, port and that PostgreSQL runs): " + npgsql.Message, npgsql, Fix),
        TimeoutException => new OrderBookUnavailableException(location, "the server did not answer in time", exception, Fix),
        _ => null,
    };

    public static string Describe(PostgresException exception) => exception.SqlState switch
    {
        "28P01" or "28000" => "the server refused the login (check the user name and password)",
        "3D000" => "the database does not exist (create it, or fix the database name)",
        "42501" => "the user may not create or change the tables (grant it, or run 'fleetmanager db migrate' as the owner)",
        "53300" => "the server has no free connections",
        _ => exception.MessageText,
    };
}
