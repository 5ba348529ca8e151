using System.Text.Json;
using System.Text.Json.Nodes;
using FleetManager.Core.Json;
using FleetManager.Storage.Export;

namespace FleetManager.Storage.Tests.Export;

public sealed class OrderJsonExporterTests : IAsyncLifetime, IDisposable
{
    private ExportFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await ExportFixture.CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Write_Orders_ArrayOfSpecOrdersWithLeadingIdAndMessageId()
    {
        using var stream = new MemoryStream();
        var count = await OrderJsonExporter.WriteAsync(_fixture.Book.QueryOrdersAsync(OrderQuery.All, CancellationToken.None), stream, CancellationToken.None);

        var array = JsonNode.Parse(stream.ToArray())!.AsArray();
        var stored = (await _fixture.Book.QueryOrdersAsync(OrderQuery.All, CancellationToken.None).ToListAsync(CancellationToken.None)).ToList();
        Assert.Equal(2, count);
        Assert.Equal(2, array.Count);
        for (var i = 0; i < stored.Count; i++)
        {
            var exported = array[i]!.AsObject();
            var names = exported.Select(p => p.Key).ToList();
            Assert.Equal(["id", "message_id", "request_type", "reference_number", "customer", "stops"], names[..6]);
            Assert.Equal(stored[i].Id, exported["id"]!.GetValue<long>());
            Assert.Equal("<m1@mail.example>", exported["message_id"]!.GetValue<string>());

            exported.Remove("id");
            exported.Remove("message_id");
            var spec = JsonNode.Parse(JsonSerializer.Serialize(stored[i].Order, FleetManagerJsonContext.Compact.TransportOrder));
            Assert.True(JsonNode.DeepEquals(spec, exported), exported.ToJsonString());
        }
    }

    [Fact]
    public async Task Write_Order_KeepsSpecFieldsAndNullsAndReadableText()
    {
        using var stream = new MemoryStream();
        await OrderJsonExporter.WriteAsync(_fixture.Book.QueryOrdersAsync(OrderQuery.All, CancellationToken.None), stream, CancellationToken.None);
        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());

        Assert.Contains("\"Jürgen Haberl\"", text);
        var second = JsonNode.Parse(text)!.AsArray()[1]!.AsObject();
        Assert.Null(second["price"]);
        Assert.True(second.ContainsKey("price"));
        Assert.Equal(-18m, second["temperature_min_c"]!.GetValue<decimal>());
        Assert.Equal("08:00", second["stops"]![0]!["time_from"]!.GetValue<string>());
        Assert.Equal("2026-12-03", second["stops"]![0]!["date"]!.GetValue<string>());
        Assert.False(second.ContainsKey("sources"));
    }

    [Fact]
    public async Task Write_NoOrders_EmptyArray()
    {
        using var stream = new MemoryStream();

        Assert.Equal(0, await OrderJsonExporter.WriteAsync(AsyncEnumerable.Empty<StoredOrder>(), stream, CancellationToken.None));
        Assert.Empty(JsonNode.Parse(stream.ToArray())!.AsArray());
    }
}
