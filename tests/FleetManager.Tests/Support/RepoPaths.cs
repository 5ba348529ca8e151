namespace FleetManager.Tests.Support;

/// <summary>Finds the repository root (where FleetManager.slnx is) and the shared corpus beside it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples", "mailbox");

    public static string DevCorpus => Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", "dev"));

    /// <summary>The built CLI next to the tests (the project reference copies it here).</summary>
    public static string CliDll => Path.Combine(AppContext.BaseDirectory, "fleetmanager.dll");

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
