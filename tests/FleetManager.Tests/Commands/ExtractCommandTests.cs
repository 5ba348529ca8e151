using System.Text.Json;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

public sealed class ExtractCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Extract_SamplesAsJsonl_OneSpecObjectPerMessageInInputOrder()
    {
        var result = await CliProcess.RunAsync("extract", RepoPaths.Samples, "--format", "jsonl");

        Assert.Equal(0, result.ExitCode);
        var lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var emlCount = Directory.GetFiles(RepoPaths.Samples, "*.eml").Length;
        Assert.True(lines.Length > emlCount, "the sample mbox adds messages beyond the .eml files");
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            Assert.StartsWith("<", root.GetProperty("message_id").GetString());
            Assert.Contains(root.GetProperty("classification").GetString(), FleetManager.Core.Model.SpecVocabulary.Classifications.Names);
            Assert.Equal(JsonValueKind.Array, root.GetProperty("orders").ValueKind);
            Assert.False(root.TryGetProperty("error", out _), "a readable message has no error field");
        }

        // Files come in ordinal order, so the first line is the first sample file's message.
        var first = Directory.GetFiles(RepoPaths.Samples, "*.expected.json").Order(StringComparer.Ordinal).First();
        using var expected = JsonDocument.Parse(File.ReadAllText(first));
        using var firstLine = JsonDocument.Parse(lines[0]);
        Assert.Equal(expected.RootElement.GetProperty("message_id").GetString(), firstLine.RootElement.GetProperty("message_id").GetString());
    }

    [Fact]
    public async Task Extract_OrderOnlyInAStandardType1FontPdf_ReadsItFromThePdf()
    {
        // The order is only in the attached PDF, set in Helvetica (a standard 14 Type1 font, WinAnsiEncoding): the kind
        // European order PDFs use. Run against the Native AOT executable (FLEETMANAGER_TEST_EXECUTABLE) it checks that
        // what the published build leaves out of PdfPig (docs/benchmarks.md, "Executable size") still reads them.
        var eml = Path.Combine(RepoPaths.DevCorpus, "dva011-de-auftrag-nur-pdf.eml");

        var result = await CliProcess.RunAsync("extract", eml, "--format", "jsonl");

        Assert.True(result.ExitCode == 0, result.StdErr);
        using var line = JsonDocument.Parse(result.StdOut.Trim());
        var order = Assert.Single(line.RootElement.GetProperty("orders").EnumerateArray());
        Assert.Equal("4471-26", order.GetProperty("reference_number").GetString());
        Assert.Contains(order.GetProperty("stops").EnumerateArray(), stop => stop.GetProperty("city").GetString() == "Achim");
    }

    [Fact]
    public async Task Extract_UnreadableFile_StillGetsALineWithItsReason()
    {
        var garbage = _temp.File("garbage.bin");
        await File.WriteAllBytesAsync(garbage, [0, 1, 2, 3, 255, 254, 0, 0, 7, 8]);

        var result = await CliProcess.RunAsync("extract", garbage);

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.StdOut.Trim());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("classification").ValueKind);
        Assert.Equal(0, doc.RootElement.GetProperty("orders").GetArrayLength());
        Assert.False(string.IsNullOrWhiteSpace(doc.RootElement.GetProperty("error").GetString()));
        Assert.Matches("^<[0-9a-f]{32}@fleetmanager.invalid>$", doc.RootElement.GetProperty("message_id").GetString());
    }

    [Fact]
    public async Task Extract_JsonFormat_IsOneArray()
    {
        var result = await CliProcess.RunAsync("extract", RepoPaths.Samples, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.StdOut);
        Assert.True(doc.RootElement.GetArrayLength() > 10);
    }

    [Fact]
    public async Task Extract_TableFormat_NamesEachMessage()
    {
        var result = await CliProcess.RunAsync("extract", RepoPaths.Samples, "--format", "table");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("order", result.StdOut);
        Assert.Contains("invoice", result.StdOut);
    }

    public void Dispose() => _temp.Dispose();
}
