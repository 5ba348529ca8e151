using System.Net;
using System.Text.RegularExpressions;
using FleetManager.StandIns;
using FleetManager.StandIns.OAuth;
using FleetManager.StandIns.Sheets;
using FleetManager.Storage;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Service;

/// <summary>
/// End to end through the real executable: <c>fleetmanager run</c> polls a folder, pushes the order to the Google
/// Sheets stand-in, serves the dashboard; a dispatcher's correction posted through the dashboard's form (antiforgery
/// token and cookie, as a browser sends it) updates the order's existing row once and never appends a second one,
/// also when Sheets is down at the time of the correction.
/// </summary>
public sealed partial class DashboardCorrectionSheetsTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly OAuthTokenStandIn _oauth = new();
    private readonly SheetsStandIn _sheets = new();

    public async Task InitializeAsync()
    {
        await Task.WhenAll(_oauth.StartAsync(), _sheets.StartAsync());
        _sheets.TokenIssuer = _oauth;
    }

    public async Task DisposeAsync()
    {
        await _sheets.DisposeAsync();
        await _oauth.DisposeAsync();
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Run_CorrectionInTheDashboard_UpdatesTheOrdersRowOnceAndAddsNoRow()
    {
        var (service, http, db) = await StartAsync();
        using var running = service;
        using var client = http;
        var (orderId, key) = await WaitForFirstPushAsync(service, db);
        var weightColumn = Column("weight_kg");
        Assert.Equal(9800m, Number(RowOf(key)[weightColumn]));
        var requestsBefore = _sheets.Requests.Count;

        await CorrectAsync(http, orderId, "weight_kg", "4321");

        await WaitUntilAsync(() => Number(RowOf(key)[weightColumn]) == 4321m, service, "the corrected weight in the order's row");
        await WaitUntilAsync(async () => await PendingAsync(db) == 0, service, "the outbox delivered");
        Assert.Equal(2, _sheets.Rows().Count); // the header and the one order
        var writes = _sheets.Requests.Skip(requestsBefore).Where(r => r.Method is "PUT" or "POST").ToList();
        var update = Assert.Single(writes);
        Assert.Equal("PUT", update.Method);
        Assert.Null(update.FaultStatus);
    }

    [Fact]
    public async Task Run_CorrectionWhileSheetsAnswers503_IsRetriedAndEndsAsOneCorrectedRow()
    {
        var (service, http, db) = await StartAsync();
        using var running = service;
        using var client = http;
        var (orderId, key) = await WaitForFirstPushAsync(service, db);
        var weightColumn = Column("weight_kg");
        var requestsBefore = _sheets.Requests.Count;

        _sheets.Faults.FailRandomly(1.0, _ => new Fault.Status(503, GoogleErrorBody.Of(503, "UNAVAILABLE", "The service is currently unavailable.")));
        await CorrectAsync(http, orderId, "customer", "Corrected Customer Ltd");
        // Down for at least two pushes: the entry must survive a failed push and wait for the next one.
        await WaitUntilAsync(() => _sheets.Requests.Skip(requestsBefore).Count(r => r.FaultStatus == 503) >= 2, service, "two pushes refused with 503");
        Assert.Equal(1, await PendingAsync(db));
        Assert.NotEqual("Corrected Customer Ltd", RowOf(key)[Column("customer")]);

        _sheets.Faults.FailRandomly(0, _ => new Fault.None());
        await WaitUntilAsync(async () => await PendingAsync(db) == 0, service, "the outbox delivered after Sheets came back");

        var rows = _sheets.Rows();
        Assert.Equal(2, rows.Count);
        Assert.Equal("Corrected Customer Ltd", RowOf(key)[Column("customer")]);
        Assert.Equal(9800m, Number(RowOf(key)[weightColumn]));
        Assert.DoesNotContain(_sheets.Requests.Skip(requestsBefore), r => r.Method == "POST" && r.FaultStatus is null);
    }

    private Task<(ServiceProcess Service, HttpClient Http, string Db)> StartAsync() =>
        SheetsMirroredService.StartAsync(_temp, _oauth, _sheets, "corrx", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(90));

    /// <summary>Waits until the order is in the sheet (header and one row); returns its id and its key (column A).</summary>
    private async Task<(long OrderId, string Key)> WaitForFirstPushAsync(ServiceProcess service, string db)
    {
        await WaitUntilAsync(async () => _sheets.Rows().Count == 2 && await PendingAsync(db) == 0, service, "the first push of the order");
        using var store = OrderStoreFactory.OpenForReading(new OrderStoreOptions { ConnectionString = db });
        var order = Assert.Single(await store.QueryOrdersAsync(OrderQuery.All, CancellationToken.None).ToListAsync(CancellationToken.None));
        // Column A's key as docs/sheets.md gives it: MESSAGE_ID#ORDER_INDEX.
        return (order.Id, order.Message.MessageId + "#" + order.OrderIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>What the detail page's form sends: its antiforgery token (and the cookie the GET set) and the field.</summary>
    private static async Task CorrectAsync(HttpClient http, long orderId, string field, string value)
    {
        var page = await http.GetStringAsync(new Uri($"/orders/{orderId}", UriKind.Relative));
        var token = TokenInput().Match(page);
        Assert.True(token.Success, "the order page carries no antiforgery token");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            [field] = value,
        });
        using var response = await http.PostAsync(new Uri($"/orders/{orderId}/corrections", UriKind.Relative), form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"the correction was answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private IReadOnlyList<string> RowOf(string key)
    {
        var row = _sheets.Rows().Single(r => r.Count > 0 && r[0] == key);
        return [.. row, .. Enumerable.Repeat("", Math.Max(0, _sheets.Rows()[0].Count - row.Count))];
    }

    /// <summary>A number cell as a value: the order as read writes 9800.0 (the reader's decimal), a corrected one 4321.</summary>
    private static decimal? Number(string cell) =>
        decimal.TryParse(cell, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    private int Column(string name)
    {
        var header = _sheets.Rows()[0];
        var index = header.ToList().IndexOf(name);
        Assert.True(index >= 0, $"the sheet has no {name} column: {string.Join(", ", header)}");
        return index;
    }

    private static async Task<long> PendingAsync(string db)
    {
        using var store = OrderStoreFactory.OpenForReading(new OrderStoreOptions { ConnectionString = db });
        return await store.DepthAsync("sheets", CancellationToken.None);
    }

    private static Task WaitUntilAsync(Func<bool> condition, ServiceProcess? service, string what) =>
        ServiceProcess.WaitUntilAsync(() => Task.FromResult(condition()), service, what, TimeSpan.FromSeconds(90));

    private static Task WaitUntilAsync(Func<Task<bool>> condition, ServiceProcess? service, string what) =>
        ServiceProcess.WaitUntilAsync(condition, service, what, TimeSpan.FromSeconds(90));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
