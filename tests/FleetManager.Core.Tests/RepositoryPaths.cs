namespace FleetManager.Core.Tests;

/// <summary>Finds the repository root (the folder with FleetManager.slnx) and the shared folder beside it.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root, found by walking up from the test binaries.</summary>
    public static string Root
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "FleetManager.slnx")))
                {
                    return directory.FullName;
                }
            }

            throw new DirectoryNotFoundException($"No FleetManager.slnx above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>
    /// The labelled development corpus: the first <c>shared/corpus/dev</c> found walking up from the
    /// repository root (<c>../shared</c> for a clone, further up for a worktree).
    /// </summary>
    public static string DevCorpus
    {
        get
        {
            var root = Root;
            for (var directory = new DirectoryInfo(root); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "shared", "corpus", "dev");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            return Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus", "dev"));
        }
    }
}
