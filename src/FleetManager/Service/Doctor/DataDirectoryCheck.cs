using System.Runtime.CompilerServices;

namespace FleetManager.Service.Doctor;

/// <summary>The order book's folder exists (or can be created) and accepts a new file.</summary>
internal sealed class DataDirectoryCheck(StoreLocation location) : IDoctorCheck
{
    public int Order => 100;

    public async IAsyncEnumerable<DoctorResult> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        var folder = Path.GetDirectoryName(Path.GetFullPath(location.DatabasePath))!;
        string? problem = null;
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".fleetmanager-doctor-{Environment.ProcessId}");
            File.WriteAllText(probe, "probe");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = ex.Message;
        }

        yield return problem is null
            ? DoctorResult.Pass("data dir", folder + " is writable")
            : DoctorResult.Fail("data dir", $"{folder} is not writable: {problem}", $"create it and give the service's user write access (chown/chmod), or set DATA_DIR / --db elsewhere");
    }
}
