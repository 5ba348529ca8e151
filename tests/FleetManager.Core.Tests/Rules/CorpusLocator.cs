namespace FleetManager.Core.Tests.Rules;

/// <summary>Finds the labelled dev corpus beside the repository (../shared/corpus/dev from the repo root).</summary>
internal static class CorpusLocator
{
    public static string? DevCorpus() => Corpus("dev");

    /// <summary>The labelled corpus <paramref name="name"/> under ../shared/corpus, or null when absent.</summary>
    public static string? Corpus(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FleetManager.slnx")))
        {
            dir = dir.Parent;
        }

        var candidates = new List<string>();
        if (dir is not null)
        {
            candidates.Add(Path.Combine(dir.FullName, "..", "shared", "corpus", name));
            candidates.Add(Path.Combine(dir.FullName, "..", "..", "shared", "corpus", name));
        }

        return candidates.Select(Path.GetFullPath).FirstOrDefault(Directory.Exists);
    }
}
