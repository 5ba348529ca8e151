using System.Net;
using System.Text.RegularExpressions;
using FleetManager.StandIns;
using FleetManager.StandIns.OAuth;
using FleetManager.StandIns.Sheets;
using FleetManager.Storage;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.EndToEnd;

/// <summary>
/// The review queue's "Retry now" through the real executable: <c>fleetmanager run</c> polls a folder while the Google
/// Sheets stand-in answers 503, so the order's outbox row fails push after push until it is listed among the sink rows
/// that keep failing (3 attempts or more); Sheets comes back and the admin presses Retry (the review page's form, with
/// its antiforgery token and cookie, from loopback with no login): the row leaves the queue and the sheet holds the
/// order once — a retried row must never be appended twice.
/// </summary>
public sealed partial class DashboardRetryFailingSinkRowTests : IAsyncLifetime, IDisposable
{
    /// <summary>As src/FleetManager.Dashboard/Review/ReviewQueueReader.cs counts a row that keeps failing.</summary>
    private const int FailingAttempts = 3;

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
    public async Task RetryOutbox_RowFailingThreeTimesThenSheetsRecovers_LeavesTheQueueAndIsAppendedOnce()
    {
        _sheets.Faults.FailRandomly(1.0, _ => new Fault.Status(503, GoogleErrorBody.Of(503, "UNAVAILABLE", "The service is currently unavailable.")));
        var (service, http, db) = await StartAsync();
        using var running = service;
        using var client = http;

        await WaitUntilAsync(async () => (await FailingAsync(db)).Total == 1, service, $"the order's row failing {FailingAttempts} times");
        var failing = Assert.Single((await FailingAsync(db)).Rows);
        Assert.True(failing.Attempts >= FailingAttempts);
        Assert.Equal("sheets", failing.Sink);
        var queuePage = await http.GetStringAsync(new Uri("/review", UriKind.Relative));
        Assert.Contains("id=\"failing-table\"", queuePage, StringComparison.Ordinal);
        Assert.Contains($"data-outbox-id=\"{failing.Id}\"", queuePage, StringComparison.Ordinal);
        Assert.DoesNotContain(_sheets.Rows(), r => r.Count > 0 && r[0] == failing.OrderKey);

        _sheets.Faults.FailRandomly(0, _ => new Fault.None());
        var token = TokenInput().Match(queuePage);
        Assert.True(token.Success, "the review page carries no antiforgery token (or no Retry form): " + queuePage);
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) }))
        using (var retry = await http.PostAsync(new Uri("/review/retry-outbox", UriKind.Relative), form))
        {
            Assert.True(retry.StatusCode == HttpStatusCode.Redirect, $"Retry was answered {(int)retry.StatusCode}: {await retry.Content.ReadAsStringAsync()}");
            Assert.Equal("/review?notice=pushed", retry.Headers.Location?.OriginalString);
        }

        Assert.Equal(0, (await FailingAsync(db)).Total);
        Assert.Equal(0, await PendingAsync(db));
        var after = await http.GetStringAsync(new Uri("/review", UriKind.Relative));
        Assert.DoesNotContain($"data-outbox-id=\"{failing.Id}\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"failing-table\"", after, StringComparison.Ordinal);
        Assert.Contains("No row keeps failing.", after, StringComparison.Ordinal);
        var rows = _sheets.Rows();
        Assert.Equal(2, rows.Count); // the header and the one order
        Assert.Single(rows, r => r.Count > 0 && r[0] == failing.OrderKey);
    }

    private Task<(ServiceProcess Service, HttpClient Http, string Db)> StartAsync() =>
        SheetsMirroredService.StartAsync(_temp, _oauth, _sheets, "retry", TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120));

    private static async Task<FailingOutboxSelection> FailingAsync(string db)
    {
        using var store = OrderStoreFactory.OpenForReading(new OrderStoreOptions { ConnectionString = db });
        return await store.SelectFailingOutboxAsync(FailingAttempts, 10, CancellationToken.None);
    }

    private static async Task<long> PendingAsync(string db)
    {
        using var store = OrderStoreFactory.OpenForReading(new OrderStoreOptions { ConnectionString = db });
        return await store.DepthAsync("sheets", CancellationToken.None);
    }

    private static Task WaitUntilAsync(Func<bool> condition, ServiceProcess? service, string what) =>
        ServiceProcess.WaitUntilAsync(() => Task.FromResult(condition()), service, what, TimeSpan.FromSeconds(120));

    private static Task WaitUntilAsync(Func<Task<bool>> condition, ServiceProcess? service, string what) =>
        ServiceProcess.WaitUntilAsync(condition, service, what, TimeSpan.FromSeconds(120));

    [GeneratedRegex("action=\"/review/retry-outbox\"><input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
