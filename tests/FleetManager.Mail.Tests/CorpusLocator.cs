namespace FleetManager.Mail.Tests;

/// <summary>Finds the shared labelled corpus next to the repository (never copied into it).</summary>
internal static class CorpusLocator
{
    public static string DevDirectory { get; } = Locate();

    public static string File(string name) => Path.Combine(DevDirectory, name);

    public static IEnumerable<string> EmlFiles() =>
        Directory.GetFiles(DevDirectory, "*.eml").OrderBy(f => f, StringComparer.Ordinal);

    private static string Locate()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !System.IO.File.Exists(Path.Combine(directory.FullName, "FleetManager.slnx")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException("FleetManager.slnx not found above " + AppContext.BaseDirectory);
        }

        // The shared folder sits next to the repository (../shared); from a worktree nested deeper,
        // keep looking further up.
        for (var candidate = directory.Parent; candidate is not null; candidate = candidate.Parent)
        {
            var dev = Path.Combine(candidate.FullName, "shared", "corpus", "dev");
            if (Directory.Exists(dev))
            {
                return dev;
            }
        }

        throw new InvalidOperationException("shared/corpus/dev not found above " + directory.FullName);
    }
}
