using System.Text.Json;
using FleetManager.Commands;
using FleetManager.Storage;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// <c>fleetmanager corrections export DIR</c>: the corrected messages come out as a corpus <c>eval</c> reads, with
/// the values people set as the truth, so the reader is measured on the mailbox's own history.
/// </summary>
public sealed class CorrectionsCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Export_OneCorrectedField_EvalReportsThatFieldAloneAsADisagreement()
    {
        var db = await ImportSamplesAsync();
        var (orderId, messageId, readWeight) = await CorrectAsync(db, "weight_kg", "4321");
        var corpus = _temp.File("corpus");

        var export = await CliProcess.RunAsync("corrections", "export", corpus, "--db", db);

        Assert.True(export.ExitCode == 0, export.StdErr);
        Assert.Contains("Exported 1 messages", export.StdOut);
        var eml = Assert.Single(Directory.GetFiles(corpus, "*.eml"));
        Assert.Single(Directory.GetFiles(corpus, "*.expected.json"));
        Assert.True(File.Exists(Path.ChangeExtension(eml, ".expected.json")));
        using (var store = OrderStoreFactory.Open(new OrderStoreOptions { ConnectionString = db }))
        {
            var order = (await store.GetOrderAsync(orderId, CancellationToken.None))!;
            Assert.Equal(await store.GetRawMessageAsync(order.Message.LedgerKey, CancellationToken.None), await File.ReadAllBytesAsync(eml));
        }

        var labels = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.ChangeExtension(eml, ".expected.json"))).RootElement;
        Assert.Equal(messageId, labels.GetProperty("message_id").GetString());
        Assert.Equal("order", labels.GetProperty("classification").GetString());

        var report = await EvalCommand.EvaluateAsync(corpus);
        Assert.Equal(1, report.Messages);
        var mismatch = Assert.Single(report.Mismatches);
        Assert.Equal("weight_kg", mismatch.Field);
        Assert.Equal(messageId, mismatch.MessageId);
        Assert.Equal("4321", mismatch.Expected);
        Assert.Equal(readWeight, mismatch.Actual is null ? null : decimal.Parse(mismatch.Actual, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1.0, report.ClassificationAccuracy);
    }

    [Fact]
    public async Task Export_All_WritesEveryProcessedMessageAndOnlyTheCorrectionDisagrees()
    {
        var db = await ImportSamplesAsync();
        var (_, messageId, _) = await CorrectAsync(db, "stops[0].postal_code", "99999");
        long processed;
        using (var store = OrderStoreFactory.Open(new OrderStoreOptions { ConnectionString = db }))
        {
            processed = (await store.CountLedgerAsync(CancellationToken.None)).Processed;
        }

        var corpus = _temp.File("all");
        var export = await CliProcess.RunAsync("corrections", "export", corpus, "--all", "--db", db);

        Assert.True(export.ExitCode == 0, export.StdErr);
        Assert.Equal(processed, Directory.GetFiles(corpus, "*.eml").Length);
        Assert.Equal(processed, Directory.GetFiles(corpus, "*.expected.json").Length);
        var eval = await CliProcess.RunAsync("eval", corpus, "--json", "-v");
        Assert.True(eval.ExitCode == 0, eval.StdErr);
        var report = await EvalCommand.EvaluateAsync(corpus);
        Assert.Equal(processed, report.Messages);
        var mismatch = Assert.Single(report.Mismatches);
        Assert.Equal(messageId, mismatch.MessageId);
        Assert.Equal("loading.postal_code", mismatch.Field);
        Assert.Equal("99999", mismatch.Expected);
    }

    [Fact]
    public async Task Export_NoCorrections_SaysSoAndWritesNothing()
    {
        var db = await ImportSamplesAsync();
        var corpus = _temp.File("none");

        var export = await CliProcess.RunAsync("corrections", "export", corpus, "--db", db);

        Assert.True(export.ExitCode == 0, export.StdErr);
        Assert.Contains("Nothing to export: no message", export.StdOut);
        Assert.False(Directory.Exists(corpus));
        Assert.Empty(Directory.GetDirectories(_temp.Path, ".none.*"));
    }

    [Fact]
    public async Task Export_NonEmptyFolderWithoutForce_RefusesInOneLineAndLeavesItAlone()
    {
        var db = await ImportSamplesAsync();
        await CorrectAsync(db, "customer", "Corrected Customer Ltd");
        var corpus = Directory.CreateDirectory(_temp.File("busy")).FullName;
        await File.WriteAllTextAsync(Path.Combine(corpus, "keep.txt"), "mine");

        var refused = await CliProcess.RunAsync("corrections", "export", corpus, "--db", db);

        Assert.Equal(ExitCodes.Usage, refused.ExitCode);
        Assert.Single(refused.StdErr.Trim().Split('\n'));
        Assert.Contains("--force", refused.StdErr);
        Assert.Equal(["keep.txt"], Directory.GetFiles(corpus).Select(Path.GetFileName));

        var forced = await CliProcess.RunAsync("corrections", "export", corpus, "--force", "--db", db);

        Assert.True(forced.ExitCode == 0, forced.StdErr);
        Assert.False(File.Exists(Path.Combine(corpus, "keep.txt")));
        Assert.Single(Directory.GetFiles(corpus, "*.eml"));
        Assert.Empty(Directory.GetDirectories(_temp.Path, ".busy.*"));
    }

    [Fact]
    public async Task Export_MissingOrderBook_ExitsFourInOneLine()
    {
        var export = await CliProcess.RunAsync("corrections", "export", _temp.File("out"), "--db", _temp.File("absent.db"));

        Assert.Equal(ExitCodes.OrderBookUnavailable, export.ExitCode);
        Assert.StartsWith("error: ", export.StdErr, StringComparison.Ordinal);
        Assert.Single(export.StdErr.Trim().Split('\n'));
        Assert.False(Directory.Exists(_temp.File("out")));
    }

    [Fact]
    public async Task Export_ReclassifiedMessage_IsExportedWithTheClassificationAPersonChose()
    {
        var db = await ImportSamplesAsync();
        string ledgerKey;
        using (var store = OrderStoreFactory.Open(new OrderStoreOptions { ConnectionString = db }))
        {
            var other = (await store.ListLedgerAsync(new LedgerQuery { Status = LedgerStatus.Processed, Limit = 1000 }, CancellationToken.None))
                .First(e => e.Classification == FleetManager.Core.Model.Classification.Other);
            ledgerKey = other.LedgerKey;
            await store.Corrections.AddToMessageAsync(ledgerKey, "message.classification", "order", "other", "local", DateTimeOffset.UnixEpoch, CancellationToken.None);
        }

        var corpus = _temp.File("reclassified");
        var export = await CliProcess.RunAsync("corrections", "export", corpus, "--db", db);

        Assert.True(export.ExitCode == 0, export.StdErr);
        var labels = Assert.Single(Directory.GetFiles(corpus, "*.expected.json"));
        var root = JsonDocument.Parse(await File.ReadAllBytesAsync(labels)).RootElement;
        Assert.Equal("other", root.GetProperty("classification").GetString());
        Assert.Equal(0, root.GetProperty("orders").GetArrayLength());
    }

    [Fact]
    public void FileName_SubjectWithDiacriticsAndPunctuation_IsTheLedgerIdAndAsciiWords()
    {
        var entry = new LedgerEntry(42, "k", "s", "<m@x>", "Zlecenie: Łódź → Poznań, 24 t!", null, null, null, DateTimeOffset.UnixEpoch, LedgerStatus.Processed, null, null, 0);

        Assert.Equal("000042-zlecenie-odz-poznan-24-t", CorrectedCorpusExporter.FileName(entry));
        Assert.Equal("000007", CorrectedCorpusExporter.FileName(entry with { Id = 7, Subject = null }));
    }

    private async Task<string> ImportSamplesAsync()
    {
        var db = _temp.File("book.db");
        var import = await CliProcess.RunAsync("import", RepoPaths.Samples, "--db", db);
        Assert.True(import.ExitCode == 0, import.StdErr);
        return db;
    }

    /// <summary>Corrects one field of the first order with a reference number, as the dashboard does (through the store's corrections).</summary>
    private static async Task<(long OrderId, string MessageId, decimal? ReadWeight)> CorrectAsync(string db, string field, string value)
    {
        using var store = OrderStoreFactory.Open(new OrderStoreOptions { ConnectionString = db });
        var order = (await store.QueryOrdersAsync(OrderQuery.All, CancellationToken.None).ToListAsync(CancellationToken.None)).First(o => o.Order.ReferenceNumber is not null && o.Order.WeightKg is not null && o.Order.Stops.Count >= 2 && o.Order.Stops[0].Type == FleetManager.Core.Model.StopType.Loading);
        var read = FleetManager.Storage.Corrections.OrderFieldEditor.Read(order.Order, field);
        Assert.NotEqual(value, read);
        Assert.NotNull(await store.Corrections.AddAsync(order.Id, field, read, value, "local", DateTimeOffset.UnixEpoch, CancellationToken.None));
        return (order.Id, order.Message.MessageId, order.Order.WeightKg);
    }

    public void Dispose() => _temp.Dispose();
}
