using FleetManager.Core.Errors;

namespace FleetManager.Storage;

/// <summary>
/// The order book cannot be used: the file is not a SQLite database, cannot be opened, created or
/// written (read-only, disk full, damaged), or holds a schema newer than this program knows. The caller
/// stops (exit 4); what was committed before stays, nothing half-written is left behind.
/// </summary>
public sealed class OrderBookUnavailableException : StoreException
{
    private const string DefaultFix = "Fix the --db path or Storage:ConnectionString, the file's permissions or free space, then run again.";

    public OrderBookUnavailableException(string path, string reason, string? fix = null)
        : base($"Order book '{path}' cannot be used: {reason}", fix ?? DefaultFix)
    {
        Path = path;
        Reason = reason;
    }

    public OrderBookUnavailableException(string path, string reason, Exception inner, string? fix = null)
        : base($"Order book '{path}' cannot be used: {reason}", fix ?? DefaultFix, inner)
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>The database path as given to <see cref="SqliteOrderBook.Open(string)"/>.</summary>
    public string Path { get; }

    /// <summary>Why it cannot be used, without the path.</summary>
    public string Reason { get; }
}
