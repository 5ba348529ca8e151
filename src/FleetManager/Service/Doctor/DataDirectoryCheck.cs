using System.Runtime.CompilerServices;
using FleetManager.Storage;
using Microsoft.Extensions.Configuration;
using FleetManager.Service.Store;

namespace FleetManager.Service.Doctor;

/// <summary>
/// The data folder exists and has free disk space. It only looks: a check that created the folder (or a
/// folder named after a PostgreSQL connection string) would hide the very problem it is there to find.
/// </summary>
internal sealed class DataDirectoryCheck(StoreLocation location, IConfiguration configuration) : IDoctorCheck
{
    /// <summary>Below this, writes (SQLite's WAL, backups, tokens) start failing soon: a failure.</summary>
    internal const long FailBelowBytes = 256L * 1024 * 1024;

    /// <summary>Below this, a warning: time to clean up or grow the volume.</summary>
    internal const long WarnBelowBytes = 1024L * 1024 * 1024;

    public int Order => 100;

    public async IAsyncEnumerable<DoctorResult> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        var folder = Folder();
        if (folder is null)
        {
            yield return DoctorResult.Pass("data dir", "none: the order book is in PostgreSQL and DATA_DIR is not set");
            yield break;
        }

        if (!Directory.Exists(folder))
        {
            yield return DoctorResult.Fail("data dir", $"{folder} does not exist",
                $"create it for the service's user (mkdir -p {folder}; chown USER {folder}), mount the data volume, or set DATA_DIR / --db elsewhere");
            yield break;
        }

        long free;
        string? problem = null;
        try
        {
            free = new DriveInfo(folder).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            free = 0;
            problem = ex.Message;
        }

        if (problem is not null)
        {
            yield return DoctorResult.Fail("data dir", $"{folder}: free space cannot be read ({problem})", "check the mount of the data volume");
            yield break;
        }

        var shown = $"{folder}: {FormatSize(free)} free";
        yield return free < FailBelowBytes
            ? DoctorResult.Fail("data dir", shown, "free disk space on the data volume (old backups, logs) or grow it")
            : free < WarnBelowBytes
                ? DoctorResult.Warn("data dir", shown, "free disk space soon: below 256 MiB writes and backups fail")
                : DoctorResult.Pass("data dir", shown);
    }

    /// <summary>The SQLite file's folder, or DATA_DIR when the store is PostgreSQL (never a path made from a connection string).</summary>
    private string? Folder()
    {
        if (OrderStoreFactory.KindOf(location.DatabasePath) == OrderStoreKind.PostgreSql)
        {
            var dataDir = configuration["DataDir"];
            return string.IsNullOrWhiteSpace(dataDir) ? null : Path.GetFullPath(dataDir);
        }

        return Path.GetDirectoryName(Path.GetFullPath(OrderStoreFactory.SqlitePath(location.DatabasePath)));
    }

    private static string FormatSize(long bytes) => bytes >= 1024L * 1024 * 1024
        ? $"{bytes / (1024.0 * 1024 * 1024):0.0} GiB"
        : $"{bytes / (1024.0 * 1024):0} MiB";
}
