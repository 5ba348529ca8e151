using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FleetManager.StandIns.Gmail;
using FleetManager.StandIns.OAuth;
using FleetManager.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace FleetManager.Tests.EndToEnd;

/// <summary>
/// <c>import --source gmail</c> of a full mailbox with labels on and off, against the Gmail and OAuth stand-ins:
/// every committed group is labelled with one <c>messages.batchModify</c> per label, and the run prints the
/// figures docs/benchmarks.md reports (messages/s with and without labels, where the wall time goes).
/// </summary>
public sealed partial class GmailLabellingThroughputTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const int Messages = 140;
    private readonly TempDirectory _temp = new();
    private readonly OAuthTokenStandIn _oauth = new();
    private Dictionary<string, string> _environment = [];

    public async Task InitializeAsync()
    {
        await _oauth.StartAsync();
        _environment = StandInGoogleCredential.Create(_temp, _oauth, "bench.apps.googleusercontent.com", "1//bench", "https://www.googleapis.com/auth/gmail.modify");
        _environment["FLEETMANAGER__GMAIL__RETRYBASEDELAY"] = "00:00:00.010";
        _environment["FLEETMANAGER__GMAIL__MAXFULLSYNC"] = "1000";
    }

    [Fact]
    public async Task ImportSourceGmail_LabelsOn_OneBatchModifyPerCommittedGroupAndLabelAndEveryMessageLabelled()
    {
        var withLabels = await ImportAsync(applyLabels: true);
        var without = await ImportAsync(applyLabels: false);

        Assert.All(withLabels.Ids, id => Assert.Contains("FleetManager/Processed", withLabels.Gmail.LabelNamesOf(id)));
        Assert.Equal(0, withLabels.Gmail.Requests.Count(r => r.PathAndQuery.EndsWith("/modify", StringComparison.Ordinal)));
        var batches = withLabels.Gmail.Requests.Count(r => r.PathAndQuery.EndsWith("/messages/batchModify", StringComparison.Ordinal));
        Assert.InRange(batches, 1, 2 * (int)Math.Ceiling(Messages / 64.0));
        Assert.Equal(0, without.Gmail.Requests.Count(r => r.Method == "POST" && r.PathAndQuery.Contains("/messages/", StringComparison.Ordinal)));

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Messages} messages: labels on {withLabels.Wall.TotalSeconds:0.00} s wall ({Messages / withLabels.Wall.TotalSeconds:0} messages/s; import itself {withLabels.ImportRate}), " +
            $"labels off {without.Wall.TotalSeconds:0.00} s ({Messages / without.Wall.TotalSeconds:0} messages/s; import itself {without.ImportRate}); " +
            $"{batches} batchModify requests, {withLabels.Quota} quota units with labels, {without.Quota} without."));
        output.WriteLine(Gaps("labels on", withLabels.Gmail));
        await withLabels.Gmail.DisposeAsync();
        await without.Gmail.DisposeAsync();
    }

    private async Task<Run> ImportAsync(bool applyLabels)
    {
        var gmail = new GmailStandIn { PageSize = 500, TokenIssuer = _oauth };
        await gmail.StartAsync();
        var received = DateTimeOffset.UtcNow.AddHours(-5);
        var ids = Enumerable.Range(0, Messages).Select(i => gmail.Deliver(Encoding.UTF8.GetBytes(MboxWorkload.Message(i, allowMalformed: false).Replace("\n", "\r\n", StringComparison.Ordinal)), received.AddSeconds(i))).ToList();
        var environment = new Dictionary<string, string>(_environment)
        {
            ["FLEETMANAGER__GMAIL__BASEURL"] = gmail.BaseAddress.ToString(),
            ["FLEETMANAGER__GMAIL__APPLYLABELS"] = applyLabels ? "true" : "false",
        };
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = await CliProcess.RunAsync(environment, "import", "--source", "gmail", "--db", _temp.File($"labels-{applyLabels}.db"), "-q");
        var wall = started.Elapsed;
        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains($"messages read       {Messages,7}", result.StdOut, StringComparison.Ordinal);
        var rate = RateLine().Match(result.StdOut);
        var quota = QuotaLine().Match(result.StdOut);
        return new Run(gmail, ids, wall, rate.Success ? rate.Groups[1].Value + " messages/s" : "?", quota.Success ? quota.Groups[1].Value : "?");
    }

    /// <summary>Where the time between the stand-in's requests goes: the largest gaps and the median, by call.</summary>
    private static string Gaps(string label, GmailStandIn gmail)
    {
        var requests = gmail.Requests.OrderBy(r => r.At).ToList();
        var gaps = requests.Zip(requests.Skip(1), (a, b) => (Call: b.Method + " " + Regex.Replace(b.PathAndQuery.Split('?')[0], "/messages/[^/]+$", "/messages/{id}"), Gap: (b.At - a.At).TotalMilliseconds)).ToList();
        var text = new StringBuilder(label).Append(": gap before each request by call (median / max ms): ");
        foreach (var group in gaps.GroupBy(g => g.Call))
        {
            var sorted = group.Select(g => g.Gap).Order().ToList();
            text.Append(CultureInfo.InvariantCulture, $"{group.Key} {sorted[sorted.Count / 2]:0.0} / {sorted[^1]:0.0} (n={sorted.Count}); ");
        }

        return text.ToString();
    }

    private sealed record Run(GmailStandIn Gmail, IReadOnlyList<string> Ids, TimeSpan Wall, string ImportRate, string Quota);

    [GeneratedRegex(@"\(([\d,]+) messages/s\)")]
    private static partial Regex RateLine();

    [GeneratedRegex(@"Gmail quota units\s+(\d+)")]
    private static partial Regex QuotaLine();

    public async Task DisposeAsync() => await _oauth.DisposeAsync();

    public void Dispose() => _temp.Dispose();
}
