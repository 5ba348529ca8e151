using System.Text.Json;
using System.Text.Json.Nodes;
using FleetManager.Core.Json;
using FleetManager.Core.Model;
using FleetManager.Storage.Sqlite;

namespace FleetManager.Storage.Tests;

/// <summary>Every labelled result of the dev corpus goes into the order book and comes out the same.</summary>
public sealed class CorpusRoundTripTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Commit_EveryCorpusResult_ReadsBackTheExpectedOrdersExactly()
    {
        var corpus = CorpusDirectory();
        var expectedFiles = Directory.GetFiles(corpus, "*.expected.json").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expectedFiles);
        using var book = SqliteOrderBook.Open(_temp.File("orders.db"));

        var expectedOrders = new Dictionary<string, JsonArray>();
        foreach (var file in expectedFiles)
        {
            var json = File.ReadAllText(file);
            var result = JsonSerializer.Deserialize(json, FleetManagerJsonContext.Default.EmailResult)!;
            var name = Path.GetFileName(file)[..^".expected.json".Length];
            var raw = File.ReadAllBytes(Path.Combine(corpus, name + ".eml"));
            var message = new StoredMessage(name, "corpus:" + name, result.MessageId, null, null, null, raw, SampleOrders.ProcessedAt);
            Assert.True(await book.CommitAsync(message, result, CancellationToken.None));
            expectedOrders[name] = JsonNode.Parse(json)!["orders"]!.AsArray();
        }

        var stored = (await book.QueryOrdersAsync(OrderQuery.All, CancellationToken.None).ToListAsync(CancellationToken.None)).GroupBy(o => o.Message.LedgerKey).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (name, expected) in expectedOrders)
        {
            var orders = stored.GetValueOrDefault(name) ?? [];
            Assert.Equal(expected.Count, orders.Count);
            for (var i = 0; i < orders.Count; i++)
            {
                Assert.Equal(i, orders[i].OrderIndex);
                Assert.True(JsonNode.DeepEquals(expected[i], JsonNode.Parse(orders[i].OrderJson)), $"{name} order {i}: {orders[i].OrderJson}");
            }

            Assert.Equal(File.ReadAllBytes(Path.Combine(corpus, name + ".eml")), await book.GetRawMessageAsync(name, CancellationToken.None));
        }

        Assert.Equal(expectedFiles.Count, (await book.CountLedgerAsync(CancellationToken.None)).Processed);
    }

    /// <summary>The dev corpus: the first ancestor of the test binaries that has <c>shared/corpus/dev</c>.</summary>
    private static string CorpusDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "corpus", "dev");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("No shared/corpus/dev above " + AppContext.BaseDirectory);
    }
}
