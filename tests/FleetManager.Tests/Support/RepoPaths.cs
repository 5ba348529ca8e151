namespace FleetManager.Tests.Support;

/// <summary>Finds the repository root (where FleetManager.slnx is) and the shared corpus beside it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples", "mailbox");

    /// <summary>The project's labelled mail in languages neither corpus has (samples/languages).</summary>
    public static string SampleLanguages => Path.Combine(Root, "samples", "languages");

    /// <summary>The shared corpus beside the repository (../shared), looked for further up from a nested worktree.</summary>
    public static string DevCorpus { get; } = FindDevCorpus();

    /// <summary>
    /// The built CLI in its own output folder when it is there (same configuration), else the copy next
    /// to the tests. Its own folder matters: this test project also references ASP.NET Core (the
    /// stand-ins), whose shared framework then replaces package assemblies such as
    /// System.Threading.RateLimiting in the copy here, and the CLI runs without that framework.
    /// </summary>
    public static string CliDll { get; } = FindCli();

    private static string FindCli()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent?.Name ?? "Debug";
        var own = Path.Combine(Root, "src", "FleetManager", "bin", configuration, framework, "fleetmanager.dll");
        return File.Exists(own) ? own : Path.Combine(AppContext.BaseDirectory, "fleetmanager.dll");
    }

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
