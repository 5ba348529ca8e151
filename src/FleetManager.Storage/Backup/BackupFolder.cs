using System.Globalization;

namespace FleetManager.Storage.Backup;

/// <summary>
/// The backups in one folder: named <c>fleetmanager-YYYYMMDDTHHMMSSmmmZ.db</c> (to the millisecond: backups taken a moment apart must not collide) (SQLite) or <c>.dump</c>
/// (PostgreSQL, pg_dump's custom format), so that name order is time order, and pruned to the newest N.
/// </summary>
public sealed class BackupFolder(string path)
{
    private const string Prefix = "fleetmanager-";

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Creates the folder when it is missing; a path that names a file, or a folder this user cannot create, is a <see cref="BackupFailedException"/> saying so.</summary>
    public void Create()
    {
        if (File.Exists(Path))
        {
            throw new BackupFailedException($"the backup folder {Path} is a file", "Give --to a folder (it is created when missing).");
        }

        try
        {
            Directory.CreateDirectory(Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BackupFailedException($"the backup folder {Path} cannot be created: {ex.Message}",
                "Give --to a folder this user can write (for example one under DATA_DIR).", ex);
        }
    }

    /// <summary>The file name for a backup taken at <paramref name="at"/>.</summary>
    public string NameFor(DateTimeOffset at, OrderStoreKind kind) =>
        System.IO.Path.Combine(Path, Prefix + at.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)
            + (kind == OrderStoreKind.PostgreSql ? ".dump" : ".db"));

    /// <summary>The backups in the folder, newest first (files this program named; anything else is left alone).</summary>
    public IReadOnlyList<string> Backups() => Directory.Exists(Path)
        ? Directory.EnumerateFiles(Path, Prefix + "*")
            .Where(f => f.EndsWith(".db", StringComparison.Ordinal) || f.EndsWith(".dump", StringComparison.Ordinal))
            .OrderByDescending(f => System.IO.Path.GetFileName(f), StringComparer.Ordinal)
            .ToList()
        : [];

    /// <summary>Deletes all but the newest <paramref name="keep"/> backups; returns the deleted files.</summary>
    public IReadOnlyList<string> Prune(int keep)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        var deleted = Backups().Skip(keep).ToList();
        foreach (var file in deleted)
        {
            File.Delete(file);
        }

        return deleted;
    }
}
