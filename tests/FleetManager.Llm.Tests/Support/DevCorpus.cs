namespace FleetManager.Llm.Tests.Support;

/// <summary>Finds the shared labelled corpus next to the repository (never copied into it).</summary>
internal static class DevCorpus
{
    public static string Directory { get; } = Locate();

    private static string Locate()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FleetManager.slnx")))
        {
            directory = directory.Parent;
        }

        for (var candidate = directory?.Parent; candidate is not null; candidate = candidate.Parent)
        {
            var dev = Path.Combine(candidate.FullName, "shared", "corpus", "dev");
            if (System.IO.Directory.Exists(dev))
            {
                return dev;
            }
        }

        throw new InvalidOperationException("shared/corpus/dev not found above " + AppContext.BaseDirectory);
    }
}
