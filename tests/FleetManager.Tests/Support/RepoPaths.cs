namespace FleetManager.Tests.Support;

/// <summary>Finds the repository root (where FleetManager.slnx is) and the shared corpus beside it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples", "mailbox");

    public static string DevCorpus => Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", "dev"));

    /// <summary>
    /// The built CLI in its own output folder (same configuration as the tests), else the copy next to the
    /// tests. Its own folder matters: the tests also load ASP.NET Core (the stand-ins), whose shared framework
    /// then replaces package assemblies the CLI needs (System.Threading.RateLimiting) in the tests' folder.
    /// </summary>
    public static string CliDll { get; } = FindCli();

    private static string FindCli()
    {
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var own = Path.Combine(Root, "src", "FleetManager", "bin", tfm.Parent!.Name, tfm.Name, "fleetmanager.dll");
        return File.Exists(own) ? own : Path.Combine(AppContext.BaseDirectory, "fleetmanager.dll");
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
