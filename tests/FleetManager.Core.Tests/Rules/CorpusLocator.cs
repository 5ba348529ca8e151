using FleetManager.Core.Model;
using FleetManager.Core.Rules;
using FleetManager.Mail.Parsing;

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

    /// <summary>
    /// The text the rules engine reads (<see cref="RulesDocument.Text"/>) of every message of the labelled corpus
    /// <paramref name="name"/>, in file order; fails the test when the corpus is absent.
    /// </summary>
    public static IEnumerable<string> RulesTexts(string name)
    {
        var folder = Corpus(name) ?? throw new Xunit.Sdk.XunitException($"the {name} corpus was not found (../shared/corpus/{name} beside the repository)");
        var parser = new MimeEmailParser();
        foreach (var eml in Directory.EnumerateFiles(folder, "*.eml").Order(StringComparer.Ordinal))
        {
            yield return RulesDocument.From(parser.Parse(new RawMessage(eml, File.ReadAllBytes(eml)))).Text;
        }
    }
}
