using FleetManager.Core.Errors;
using FleetManager.Storage;
using Microsoft.Extensions.Configuration;

namespace FleetManager.Dashboard.Security;

/// <summary>
/// Where the dashboard keeps its data-protection keys (which encrypt the session and antiforgery cookies), so a restart
/// or a blue-green switch keeps everyone signed in: <c>$DATA_DIR/dashboard-keys</c>, else beside a SQLite order book,
/// else <c>./dashboard-keys</c>. The folder is created owner-only (0700) and key files already in it are made 0600:
/// whoever reads a key can forge a session.
/// </summary>
public static class DashboardKeysDirectory
{
    /// <summary>The folder's name under its parent.</summary>
    public const string FolderName = "dashboard-keys";

    /// <summary>The folder for this configuration and order book.</summary>
    public static string For(IConfiguration configuration, OrderStoreOptions store)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(store);
        if (configuration["DataDir"] is { Length: > 0 } dataDir)
        {
            return Path.GetFullPath(Path.Combine(dataDir, FolderName));
        }

        var parent = ".";
        if (!string.IsNullOrWhiteSpace(store.ConnectionString) && OrderStoreFactory.KindOf(store.ConnectionString) == OrderStoreKind.Sqlite)
        {
            parent = Path.GetDirectoryName(Path.GetFullPath(OrderStoreFactory.SqlitePath(store.ConnectionString))) ?? ".";
        }

        return Path.GetFullPath(Path.Combine(parent, FolderName));
    }

    /// <summary>Creates <paramref name="path"/> owner-only and tightens the key files in it.</summary>
    /// <exception cref="ConfigurationException">The folder cannot be created or changed (a read-only or foreign data folder).</exception>
    public static DirectoryInfo Prepare(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            if (OperatingSystem.IsWindows())
            {
                return Directory.CreateDirectory(path);
            }

            var directory = Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            foreach (var key in directory.EnumerateFiles("*.xml"))
            {
                File.SetUnixFileMode(key.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            return directory;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(
                $"The dashboard cannot keep its sign-in keys in {path}: {exception.Message}",
                "Set DATA_DIR to a folder this user may write (the keys go to DATA_DIR/dashboard-keys).", exception);
        }
    }
}
