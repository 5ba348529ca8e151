using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// <c>fleetmanager serve</c> as a process, run by the executable <see cref="CliProcess"/> resolves — the Native AOT build
/// when <c>FLEETMANAGER_TEST_EXECUTABLE</c> names it. The in-process dashboard tests run the JIT build only, and twice
/// the AOT executable answered <c>/openapi/v1.json</c> with 500 while they passed: the document and the JSON API are
/// built from source-generated metadata that only the published executable proves complete.
/// </summary>
public sealed class ServeDashboardProcessTests : IDisposable
{
    /// <summary>
    /// The API's routes as src/FleetManager.Dashboard/Api/ApiEndpoints.cs maps them (route constraints dropped, as
    /// OpenAPI writes them). Fixed on purpose: the process under test cannot be asked for its route table.
    /// </summary>
    private static readonly string[] ApiPaths =
    [
        "/api/v1/orders",
        "/api/v1/orders/{id}",
        "/api/v1/messages",
        "/api/v1/messages/{id}",
        "/api/v1/queue",
        "/api/v1/stats",
        "/api/v1/antiforgery",
        "/api/v1/map/lanes",
    ];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Serve_SampleOrderBook_AnswersOpenApiDocumentOrdersApiAndOrdersPage()
    {
        var db = _temp.File("book.db");
        var import = await CliProcess.RunAsync("import", RepoPaths.Samples, "--db", db, "-q");
        Assert.True(import.ExitCode == 0, "import failed: " + import.StdErr);
        var port = FreeTcpPort.Next();
        using var serve = ServiceProcess.Start(_temp.Path, new Dictionary<string, string>(), "serve", "--db", db, "--urls", $"http://127.0.0.1:{port}");
        await WaitForDashboardLineAsync(serve);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };

        using var openApi = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var openApiBody = await openApi.Content.ReadAsStringAsync();
        Assert.True(openApi.StatusCode == HttpStatusCode.OK, $"/openapi/v1.json answered {(int)openApi.StatusCode}: {openApiBody}\n{serve.Output}");
        Assert.Equal("application/json", openApi.Content.Headers.ContentType?.MediaType);
        using (var document = JsonDocument.Parse(openApiBody))
        {
            var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            Assert.All(ApiPaths, path => Assert.Contains(path, paths));
            Assert.Equal(JsonValueKind.Object, document.RootElement.GetProperty("paths").GetProperty("/api/v1/orders/{id}").GetProperty("patch").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").ValueKind);
        }

        using var orders = await http.GetAsync(new Uri("/api/v1/orders", UriKind.Relative));
        var ordersBody = await orders.Content.ReadAsStringAsync();
        Assert.True(orders.StatusCode == HttpStatusCode.OK, $"/api/v1/orders answered {(int)orders.StatusCode}: {ordersBody}\n{serve.Output}");
        Assert.Equal("application/json", orders.Content.Headers.ContentType?.MediaType);
        using (var list = JsonDocument.Parse(ordersBody))
        {
            var rows = list.RootElement.GetProperty("rows");
            Assert.True(rows.GetArrayLength() > 0, "the sample order book lists no orders: " + ordersBody);
            Assert.True(list.RootElement.GetProperty("total").GetInt64() >= rows.GetArrayLength());
            var first = rows[0];
            Assert.True(first.GetProperty("id").GetInt64() > 0);
            Assert.Equal(JsonValueKind.Object, first.GetProperty("order").ValueKind);
        }

        using var page = await http.GetAsync(new Uri("/orders", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"/orders answered {(int)page.StatusCode}: {html}\n{serve.Output}");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<table", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", serve.Output, StringComparison.Ordinal);
    }

    private static async Task WaitForDashboardLineAsync(ServiceProcess serve)
    {
        var listening = serve.WaitForLineAsync(line => line.StartsWith("Dashboard: ", StringComparison.Ordinal));
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!listening.IsCompleted)
        {
            Assert.False(serve.HasExited, "serve stopped before listening: " + serve.Output);
            Assert.False(deadline.IsCancellationRequested, "serve printed no Dashboard line within 2 minutes: " + serve.Output);
            await Task.Delay(100, CancellationToken.None);
        }
    }
}
