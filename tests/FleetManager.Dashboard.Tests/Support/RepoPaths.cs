namespace FleetManager.Dashboard.Tests.Support;

/// <summary>The repository root, the samples, the shared dev corpus beside the repository, and the built CLI.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples", "mailbox");

    public static string DevCorpus { get; } = FindDevCorpus();

    /// <summary>The CLI in its own output folder (same configuration), else the copy next to the tests.</summary>
    public static string CliDll
    {
        get
        {
            var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var own = Path.Combine(Root, "src", "FleetManager", "bin", here.Parent?.Name ?? "Release", here.Name, "fleetmanager.dll");
            return File.Exists(own) ? own : Path.Combine(AppContext.BaseDirectory, "fleetmanager.dll");
        }
    }

    /// <summary>Where screenshots go: TestResults/dashboard at the repository root (kept as CI artifacts).</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(FindRoot(), "TestResults", "dashboard")).FullName;

    private static string FindDevCorpus()
    {
        for (var dir = new DirectoryInfo(Root).Parent; dir is not null; dir = dir.Parent)
        {
            var dev = Path.Combine(dir.FullName, "shared", "corpus", "dev");
            if (Directory.Exists(dev))
            {
                return dev;
            }
        }

        return Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", "dev"));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FleetManager.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FleetManager.slnx not found above " + AppContext.BaseDirectory);
    }
}
