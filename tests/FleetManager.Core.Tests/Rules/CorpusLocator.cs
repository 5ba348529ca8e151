namespace FleetManager.Core.Tests.Rules;

/// <summary>Finds the labelled dev corpus beside the repository (../shared/corpus/dev from the repo root).</summary>
internal static class CorpusLocator
{
    public static string? DevCorpus()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FleetManager.slnx")))
        {
            dir = dir.Parent;
        }

        var candidates = new List<string>();
        if (dir is not null)
        {
            candidates.Add(Path.Combine(dir.FullName, "..", "shared", "corpus", "dev"));
            candidates.Add(Path.Combine(dir.FullName, "..", "..", "shared", "corpus", "dev"));
        }

        return candidates.Select(Path.GetFullPath).FirstOrDefault(Directory.Exists);
    }
}
