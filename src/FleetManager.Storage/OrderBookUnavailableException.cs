namespace FleetManager.Storage;

/// <summary>
/// The order book cannot be used at all: the file is not a SQLite database, cannot be opened or
/// created, or holds a schema newer than this program knows. The caller stops (this is a
/// configuration or deployment problem, not a per-message one) and shows <see cref="Exception.Message"/>.
/// </summary>
public sealed class OrderBookUnavailableException : Exception
{
    public OrderBookUnavailableException(string path, string reason)
        : base($"Order book '{path}' cannot be used: {reason}")
    {
        Path = path;
        Reason = reason;
    }

    public OrderBookUnavailableException(string path, string reason, Exception inner)
        : base($"Order book '{path}' cannot be used: {reason}", inner)
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>The database path as given to <see cref="SqliteOrderBook.Open(string)"/>.</summary>
    public string Path { get; }

    /// <summary>Why it cannot be used, without the path.</summary>
    public string Reason { get; }
}
