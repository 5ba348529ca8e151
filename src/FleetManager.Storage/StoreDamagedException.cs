using FleetManager.Core.Errors;

namespace FleetManager.Storage;

/// <summary>
/// The order book file is damaged: SQLite's integrity check fails or a read met a malformed page.
/// Nothing is written to it (a write could spread the damage); the run stops with exit 4.
/// </summary>
public sealed class StoreDamagedException(string path, string detail, Exception? innerException = null)
    : StoreException($"The order book '{path}' is damaged: {detail}.", RepairFix, innerException)
{
    /// <summary>What to do about a damaged order book: the one wording the CLI, readiness and doctor print.</summary>
    public const string RepairFix =
        "Stop every FleetManager process using it, restore the last good backup with 'fleetmanager db restore BACKUP' (or recover what SQLite can with 'sqlite3 FILE .recover'), then run the command again.";

    /// <summary>The file as given.</summary>
    public string Path { get; } = path;
}
