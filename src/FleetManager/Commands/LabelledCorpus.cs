using System.Text.Json;
using FleetManager.Core.Json;
using FleetManager.Core.Model;

namespace FleetManager.Commands;

/// <summary>A folder of <c>NAME.eml</c> files each beside <c>NAME.expected.json</c> (order-format.md, "A corpus on disk").</summary>
internal static class LabelledCorpus
{
    public static IEnumerable<(string EmlPath, EmailResult Expected)> Read(string directory)
    {
        foreach (var eml in Directory.EnumerateFiles(directory, "*.eml").Order(StringComparer.Ordinal))
        {
            var expectedPath = Path.ChangeExtension(eml, ".expected.json");
            if (!File.Exists(expectedPath))
            {
                continue;
            }

            var expected = JsonSerializer.Deserialize(File.ReadAllBytes(expectedPath), FleetManagerJsonContext.Default.EmailResult)
                ?? throw new InvalidDataException($"{expectedPath} holds no result");
            yield return (eml, expected);
        }
    }
}
