using System.Globalization;
using System.Text.Json;
using FleetManager.Core.Errors;
using FleetManager.Core.Json;
using FleetManager.Core.Model;

namespace FleetManager.Commands;

/// <summary>A folder of <c>NAME.eml</c> files each beside <c>NAME.expected.json</c> (order-format.md, "A corpus on disk").</summary>
internal static class LabelledCorpus
{
    /// <exception cref="RejectedInputException">An expected result is not the spec's JSON: exit 3 naming the file and place, not a score without it.</exception>
    public static IEnumerable<(string EmlPath, EmailResult Expected)> Read(string directory)
    {
        foreach (var eml in Directory.EnumerateFiles(directory, "*.eml").Order(StringComparer.Ordinal))
        {
            var expectedPath = Path.ChangeExtension(eml, ".expected.json");
            if (!File.Exists(expectedPath))
            {
                continue;
            }

            yield return (eml, ReadExpected(expectedPath));
        }
    }

    private static EmailResult ReadExpected(string path)
    {
        const string Fix = "Write it in the shape of order-format.md (\"A corpus on disk\"), or move the pair out of the corpus, then run again.";
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), FleetManagerJsonContext.Default.EmailResult)
                ?? throw new RejectedInputException($"'{path}' holds null instead of an expected result.", Fix);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}{(ex.Path is { Length: > 1 } at ? $" ({at})" : "")}") : "";
            throw new RejectedInputException($"'{path}' is not a valid expected result{where}.", Fix, ex);
        }
    }
}
