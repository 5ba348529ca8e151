using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Hosting;

/// <summary>
/// <c>run</c> and <c>serve</c> started in a working directory with many subdirectories (a home directory, or
/// <c>/</c>): the web host must not watch that tree. It used to, through the host's default appsettings.json
/// reload: one inotify watch per directory, held for the process's lifetime.
/// </summary>
public sealed class WebHostBuilderFactoryTests : IDisposable
{
    private const int Subdirectories = 60;
    private readonly TempDirectory _temp = new();

    public WebHostBuilderFactoryTests()
    {
        for (var i = 0; i < Subdirectories; i++)
        {
            Directory.CreateDirectory(Path.Combine(_temp.Path, "tree", $"d{i}", "inner"));
        }
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Run_WorkingDirectoryWithManySubdirectories_WatchesNone()
    {
        var mail = Path.Combine(_temp.Path, "mail");
        Directory.CreateDirectory(mail);
        File.Copy(Directory.EnumerateFiles(RepoPaths.Samples, "*.eml").Order(StringComparer.Ordinal).First(), Path.Combine(mail, "one.eml"));
        var environment = new Dictionary<string, string>
        {
            ["FLEETMANAGER__SOURCES__0__NAME"] = "inbox",
            ["FLEETMANAGER__SOURCES__0__KIND"] = "folder",
            ["FLEETMANAGER__SOURCES__0__FOLDER__PATH"] = mail,
            ["FLEETMANAGER__SERVICE__URLS"] = "http://127.0.0.1:0",
        };
        using var service = ServiceProcess.Start(Path.Combine(_temp.Path, "tree"), environment, "run", "--db", _temp.File("fm.db"));

        await service.WaitForLineAsync(l => l.Contains(": processed", StringComparison.Ordinal)).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(0, InotifyWatches(service.Id));
    }

    [Fact]
    public async Task Serve_WorkingDirectoryWithManySubdirectories_WatchesNone()
    {
        var db = _temp.File("book.db");
        Assert.Equal(0, (await CliProcess.RunAsync("import", RepoPaths.Samples, "--db", db, "-q")).ExitCode);
        using var service = ServiceProcess.Start(Path.Combine(_temp.Path, "tree"), new Dictionary<string, string>(), "serve", "--db", db, "--urls", "http://127.0.0.1:0");

        await service.WaitForLineAsync(l => l.StartsWith("Dashboard: ", StringComparison.Ordinal)).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(0, InotifyWatches(service.Id));
    }

    /// <summary>The inotify watches a process holds: one "inotify wd:" line per watch in the fdinfo of its inotify descriptors.</summary>
    private static int InotifyWatches(int processId)
    {
        var watches = 0;
        foreach (var descriptor in Directory.EnumerateFileSystemEntries($"/proc/{processId}/fd"))
        {
            var target = new FileInfo(descriptor).LinkTarget;
            if (target is not null && target.Contains("inotify", StringComparison.Ordinal))
            {
                watches += File.ReadLines($"/proc/{processId}/fdinfo/{Path.GetFileName(descriptor)}")
                    .Count(line => line.StartsWith("inotify wd:", StringComparison.Ordinal));
            }
        }

        return watches;
    }
}
