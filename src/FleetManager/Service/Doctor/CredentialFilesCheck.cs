using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;

namespace FleetManager.Service.Doctor;

/// <summary>
/// Every configured credential file (keys ending in <c>CredentialsFile</c>, <c>TokenFile</c>,
/// <c>KeyFile</c>, <c>ServiceAccountFile</c>, <c>PasswordFile</c>) exists and is readable by its owner only;
/// a token file (<c>…TokenFile</c>) not rewritten for <see cref="TokenWarnAge"/> gets a warning, as the
/// original health script gave: a refresh token unused that long may have been revoked or expired.
/// </summary>
internal sealed class CredentialFilesCheck(IConfiguration configuration, TimeProvider timeProvider) : IDoctorCheck
{
    internal static readonly TimeSpan TokenWarnAge = TimeSpan.FromDays(30);

    private static readonly string[] Suffixes = ["credentialsfile", "tokenfile", "keyfile", "serviceaccountfile", "passwordfile", "secretfile"];

    public int Order => 100;

    public async IAsyncEnumerable<DoctorResult> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        var files = configuration.AsEnumerable()
            .Where(p => p.Value is { Length: > 0 } && Suffixes.Any(s => p.Key.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
            .GroupBy(p => p.Value!, StringComparer.Ordinal)
            .Select(g => (Path: g.Key, Key: g.OrderBy(p => p.Key, StringComparer.Ordinal).First().Key));
        foreach (var (path, key) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            yield return Check(key, path, timeProvider.GetUtcNow());
        }
    }

    internal static DoctorResult Check(string key, string path, DateTimeOffset now)
    {
        var name = "credentials " + key;
        if (!File.Exists(path))
        {
            return DoctorResult.Fail(name, $"{path} does not exist", $"create it (see docs/configuration.md) or fix {key}");
        }

        try
        {
            using (File.OpenRead(path))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return DoctorResult.Fail(name, $"{path} cannot be read: {ex.Message}", $"give the service's user read access: chown USER {path}");
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
            if ((mode & others) != 0)
            {
                return DoctorResult.Fail(name, $"{path} is readable by group or others (mode {Convert.ToString((int)mode, 8)})", $"chmod 600 {path}");
            }
        }

        if (key.EndsWith("TokenFile", StringComparison.OrdinalIgnoreCase))
        {
            var age = now - new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
            if (age > TokenWarnAge)
            {
                return DoctorResult.Warn(name, $"{path} was last renewed {(int)age.TotalDays} days ago",
                    "check that the source still authorizes; renew it with 'fleetmanager auth google' if it does not");
            }
        }

        return DoctorResult.Pass(name, path + " exists, owner-only");
    }
}
