using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using FleetManager.StandIns;
using FleetManager.StandIns.Gemini;
using FleetManager.StandIns.Gmail;
using FleetManager.StandIns.Models;
using FleetManager.StandIns.OAuth;
using FleetManager.StandIns.Sheets;
using FleetManager.Storage;
using FleetManager.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace FleetManager.Tests.EndToEnd;

/// <summary>
/// The issue's proof: a 200-message Gmail mailbox read by <c>fleetmanager import --source gmail --reader gemini</c>
/// and pushed by <c>fleetmanager sync</c> (the real CLI, as a cron job runs it) through the Gmail, Gemini and
/// Sheets stand-ins while 30 % of their calls fail. The verbs are run again, as a cron would, until nothing
/// is pending. Then every order is in the order book and in the sheet exactly once, every message is
/// labelled, and the Gemini requests never came faster than the configured rate.
/// </summary>
public sealed partial class GmailGeminiSheetsEndToEndTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const int Seed = 20261127;
    private const double FailureRate = 0.30;
    private const int RequestsPerMinute = 1200;
    private const int MaxRounds = 10;

    private readonly TempDirectory _temp = new();
    private readonly OAuthTokenStandIn _oauth = new();
    private readonly GmailStandIn _gmail = new() { PageSize = 50 };
    private readonly GeminiStandIn _gemini = new() { ApiKey = "e2e-gemini-key" };
    private readonly SheetsStandIn _sheets = new();
    private readonly IReadOnlyList<GeneratedMessage> _mailbox = GeneratedMailbox.Create(Seed, "e2e");
    private readonly IReadOnlyList<GeneratedMessage> _later = GeneratedMailbox.Create(Seed + 1, "later");
    private Dictionary<string, string> _environment = [];

    public async Task InitializeAsync()
    {
        await Task.WhenAll(_oauth.StartAsync(), _gmail.StartAsync(), _gemini.StartAsync(), _sheets.StartAsync());
        _gmail.TokenIssuer = _oauth;
        _sheets.TokenIssuer = _oauth;
        var answers = _mailbox.Concat(_later).ToDictionary(m => m.MessageId, StringComparer.Ordinal);
        _gemini.Answer = request => request.MessageId is { } id && answers.TryGetValue(id, out var message)
            ? message.AnswerJson is { } json ? ModelAnswer.Json(json) : new ModelAnswer { BlockReason = "SAFETY" }
            : ModelAnswer.Other;

        _environment = StandInGoogleCredential.Create(_temp, _oauth, "e2e.apps.googleusercontent.com", "1//e2e", "https://www.googleapis.com/auth/gmail.modify https://www.googleapis.com/auth/spreadsheets");
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["FLEETMANAGER__GMAIL__BASEURL"] = _gmail.BaseAddress.ToString(),
            ["FLEETMANAGER__GMAIL__RETRYBASEDELAY"] = "00:00:00.010",
            ["FLEETMANAGER__GMAIL__MAXRETRYDELAY"] = "00:00:00.200",
            ["GEMINI_API_KEY"] = "e2e-gemini-key",
            ["FLEETMANAGER__GEMINI__BASEURL"] = _gemini.BaseAddress.ToString(),
            ["FLEETMANAGER__GEMINI__REQUESTSPERMINUTE"] = RequestsPerMinute.ToString(CultureInfo.InvariantCulture),
            ["FLEETMANAGER__GEMINI__RETRYBASEDELAY"] = "00:00:00.010",
            // Fewer retries than the default 4: with 30 % failing, now and then a message's call fails
            // every attempt, the import stops there (exit 7) and a later round goes on from the cursor.
            ["FLEETMANAGER__GEMINI__MAXRETRIES"] = "3",
            ["FLEETMANAGER__GEMINI__MAXRETRYDELAY"] = "00:00:01",
            ["FLEETMANAGER__GEMINI__ATTEMPTTIMEOUT"] = "00:00:02",
            ["GOOGLE_SHEETS_SPREADSHEET_ID"] = _sheets.SpreadsheetId,
            ["FLEETMANAGER__SHEETS__BASEURL"] = _sheets.BaseAddress.ToString(),
            ["FLEETMANAGER__SHEETS__RETRYBASEDELAY"] = "00:00:00.010",
            ["FLEETMANAGER__SHEETS__ATTEMPTTIMEOUT"] = "00:00:10",
            ["FLEETMANAGER__STORAGE__OUTBOXSINKS__0"] = "sheets",
            // The rate limiter's own record of every request it let through (ModelRequestLog), on stderr.
            ["FLEETMANAGER__LOGGING__LOGLEVEL__FleetManager.Llm.ModelRequests"] = "Debug",
        })
        {
            _environment[name] = value;
        }
    }

    [Fact]
    public async Task ImportAndSync_TwoHundredMessagesThirtyPercentOfCallsFailing_EveryOrderOnceEverywhereEveryMessageLabelledRateKept()
    {
        var started = Stopwatch.StartNew();
        var received = DateTimeOffset.UtcNow.AddHours(-5);
        var gmailIds = _mailbox.ToDictionary(m => m.MessageId, m => _gmail.Deliver(m.Raw, received = received.AddMinutes(1)), StringComparer.Ordinal);
        FailThirtyPercent();
        var db = _temp.File("book.db");

        // As a cron job: import, then sync, again and again until both finish with nothing left.
        var rounds = 0;
        long modelCalls = 0, callsSaved = 0;
        var permits = new List<DateTimeOffset>();
        while (true)
        {
            rounds++;
            Assert.True(rounds <= MaxRounds, $"still not done after {MaxRounds} rounds of import and sync");
            var import = await RunAsync("import", "--source", "gmail", "--reader", "gemini", "--db", db, "-q");
            var sync = await RunAsync("sync", "--db", db);
            modelCalls += Sum(ModelCallsLine(), import.StdOut, 1);
            callsSaved += Sum(ModelCallsLine(), import.StdOut, 2);
            permits.AddRange(PermitLine().Matches(import.StdErr).Select(m => DateTimeOffset.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
            if (import.ExitCode == 0 && sync.ExitCode == 0 && sync.StdOut.Contains("; 0 pending.", StringComparison.Ordinal))
            {
                break;
            }
        }

        var elapsed = started.Elapsed;
        var expected = _mailbox.SelectMany(m => m.Orders).ToDictionary(o => o.Key, StringComparer.Ordinal);
        var arrivals = _gemini.Requests.Select(r => r.At).Order().ToList();
        var perWindow = RequestsPerMinute / 12; // the limit in 5 s
        permits.Sort();
        var busiest = MaxInWindow(permits, TimeSpan.FromSeconds(5));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{_mailbox.Count} messages, {expected.Count} orders, {rounds} round(s) of import + sync in {elapsed.TotalSeconds:0.0} s; {permits.Count} permits for {arrivals.Count} Gemini arrivals; busiest 5 s by the limiter's record: {busiest} (limit {perWindow}), by arrival: {MaxInWindow(arrivals, TimeSpan.FromSeconds(5))}; busiest 1 s: {MaxInWindow(permits, TimeSpan.FromSeconds(1))} (limit {RequestsPerMinute / 60})."));
        output.WriteLine(Measure(expected.Count, modelCalls, callsSaved));

        // The order book: every expected order once, nothing else; every message in the ledger.
        using (var book = OrderStoreFactory.Open(new OrderStoreOptions { ConnectionString = db }))
        {
            var stored = (await book.QueryOrdersAsync(OrderQuery.All, CancellationToken.None).ToListAsync(CancellationToken.None)).ToList();
            var storedKeys = stored.Select(o => o.Message.MessageId + "#" + o.OrderIndex.ToString(CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(storedKeys.Count, storedKeys.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), storedKeys.Order(StringComparer.Ordinal));
            foreach (var order in stored)
            {
                var truth = expected[order.Message.MessageId + "#" + order.OrderIndex.ToString(CultureInfo.InvariantCulture)];
                Assert.Equal(truth.ReferenceNumber, order.Order.ReferenceNumber);
                Assert.Equal(truth.Customer, order.Order.Customer);
                Assert.Equal(truth.LoadingCity, order.Order.Stops[0].City);
                Assert.Equal(truth.UnloadingPostalCode, order.Order.Stops[^1].PostalCode);
                Assert.Equal(truth.WeightKg, order.Order.WeightKg);
            }

            var ledger = await book.CountLedgerAsync(CancellationToken.None);
            Assert.Equal(_mailbox.Count, ledger.Total);
            Assert.Equal(_mailbox.Count(m => m.Blocked), ledger.Quarantined);
            Assert.Equal(0, await book.DepthAsync("sheets", CancellationToken.None));
        }

        // The sheet: the header, then one row per order, keys unique, each row the order's.
        var rows = _sheets.Rows();
        Assert.Equal("order_key", rows[0][0]);
        var keys = rows.Skip(1).Select(r => r[0]).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        var referenceColumn = rows[0].ToList().IndexOf("reference_number");
        Assert.All(rows.Skip(1), r => Assert.Equal(expected[r[0]].ReferenceNumber, r[referenceColumn]));

        // Gmail: every message labelled, by what became of it.
        foreach (var message in _mailbox)
        {
            var labels = _gmail.LabelNamesOf(gmailIds[message.MessageId]);
            var wanted = message.Blocked ? "FleetManager/Quarantined" : "FleetManager/Processed";
            var unwanted = message.Blocked ? "FleetManager/Processed" : "FleetManager/Quarantined";
            Assert.True(labels.Contains(wanted) && !labels.Contains(unwanted), $"{message.MessageId} ({message.Kind}) carries {string.Join(", ", labels)}");
        }

        // Gemini: every attempt (retries included) kept to the rate. Judged on the rate limiter's own record (the
        // time of each permit, logged by every import), not on the stand-in's arrival times, which carry this busy
        // test process's scheduling delays. Every request that arrived had a permit; in any 5 s and any 1 s the
        // permits keep the spacing of 60 s / RequestsPerMinute — plus one per later import round, whose fresh
        // limiter may start right after the previous process's last request. In any minute of arrivals, the limit.
        var slack = rounds - 1;
        Assert.True(permits.Count >= arrivals.Count, $"{arrivals.Count} Gemini requests arrived but the limiter recorded {permits.Count} permits");
        Assert.True(busiest <= perWindow + slack, $"{busiest} Gemini requests were permitted within 5 s; the limit is {perWindow}");
        Assert.True(MaxInWindow(permits, TimeSpan.FromSeconds(1)) <= (RequestsPerMinute / 60) + slack);
        Assert.True(MaxInWindow(arrivals, TimeSpan.FromMinutes(1)) <= RequestsPerMinute);

        // The faults really happened on every leg, and ambiguous Sheets writes did land.
        Assert.Contains(_gmail.Requests, r => r.FaultStatus is not null);
        Assert.Contains(_gemini.Requests, r => r.FaultStatus is 429);
        Assert.Contains(_sheets.Requests, r => r.Method == "POST" && r.FaultStatus is 503); // the queued 503 after the append was applied

        output.WriteLine(await MeasureQuietPollsAsync(db));
    }

    /// <summary>The benchmark figures of this run (docs/benchmarks.md).</summary>
    private string Measure(int orders, long modelCalls, long callsSaved)
    {
        var messages = _mailbox.Count;
        var modelMessages = _mailbox.Count(m => !m.PreFiltered);
        var withoutBulk = _mailbox.Where(m => !m.Bulk).ToList();
        var answered = _gemini.Answered.GroupBy(a => a.MessageId ?? "", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var sheetsRequests = _sheets.Requests.Count;
        var sheetsFailed = _sheets.Requests.Count(r => r.FaultStatus is not null);
        return string.Create(CultureInfo.InvariantCulture,
            $"""
            model calls (import summaries): {modelCalls} for {messages} messages = {(double)modelCalls / messages:0.000} per message; {callsSaved} saved by the pre-filter ({modelMessages} messages reach the model: {(double)modelCalls / modelMessages:0.000} per message read by the model)
            model HTTP attempts, retries included: {_gemini.Requests.Count} = {(double)_gemini.Requests.Count / messages:0.000} per message; answered by the stand-in (incl. answers lost to injected faults): {_gemini.Answered.Count}
            without the bulk mail ({withoutBulk.Count} messages): {withoutBulk.Count(m => !m.PreFiltered)} need the model, {withoutBulk.Count(m => m.PreFiltered)} auto-replies decided by the pre-filter
            Gmail requests: {_gmail.Requests.Count} ({_gmail.Requests.Count(r => r.FaultStatus is not null)} answered with an injected error status)
            Gmail waits after a 429 (Retry-After: 1, Gmail:MaxRetryDelay 0.2 s; includes the next call's queueing): {RetryGaps(_gmail, 429)}; after a 503: {RetryGaps(_gmail, 503)}
            Sheets requests: {sheetsRequests} for {orders} orders = {100.0 * sheetsRequests / orders:0.00} per 100 orders ({sheetsFailed} with an injected error status); appends applied {_sheets.AppliedAppends}
            """);
    }

    private static string RetryGaps(StandInServer server, int status)
    {
        var requests = server.Requests.ToList();
        var gaps = new List<double>();
        for (var i = 0; i < requests.Count; i++)
        {
            if (requests[i].FaultStatus == status)
            {
                var next = requests.Skip(i + 1).FirstOrDefault(r => r.Method == requests[i].Method && r.PathAndQuery == requests[i].PathAndQuery);
                if (next is not null)
                {
                    gaps.Add((next.At - requests[i].At).TotalMilliseconds);
                }
            }
        }

        gaps.Sort();
        return gaps.Count == 0 ? "none" : string.Create(CultureInfo.InvariantCulture, $"{gaps.Count}, median {gaps[gaps.Count / 2]:0} ms, max {gaps[^1]:0} ms");
    }

    /// <summary>With faults off: a poll with no new mail, then one with a single new order message, by the CLI's own quota count.</summary>
    private async Task<string> MeasureQuietPollsAsync(string db)
    {
        _gmail.Faults.FailRandomly(0, _ => new Fault.Reset());
        _gemini.Faults.FailRandomly(0, _ => new Fault.Reset());
        var quiet = await RunAsync("import", "--source", "gmail", "--reader", "gemini", "--db", db, "-q");
        var one = _later.First(m => m.Kind == "order-de");
        _gmail.Deliver(one.Raw, DateTimeOffset.UtcNow);
        var single = await RunAsync("import", "--source", "gmail", "--reader", "gemini", "--db", db, "-q");
        Assert.Equal(0, single.ExitCode);
        return "no new mail: " + quiet.StdOut.Trim() + "\none new message: " + GmailUnitsLine().Match(single.StdOut).Value.Trim();
    }

    private void FailThirtyPercent()
    {
        _gmail.Faults.FailRandomly(FailureRate, random => random.Next(7) switch
        {
            0 => GmailStandIn.TooManyRequests, // Retry-After: 1
            1 => GmailStandIn.UserRateLimitExceeded,
            2 => GmailStandIn.BackendError,
            3 => new Fault.Status(500, """{"error":{"code":500,"message":"Internal error encountered.","status":"INTERNAL"}}"""),
            4 => new Fault.Reset(),
            5 => new Fault.Truncate(),
            _ => new Fault.ResetAfterEffect(),
        }, Seed);
        _gemini.Faults.FailRandomly(FailureRate, random => random.Next(8) switch
        {
            0 => GeminiStandIn.RateLimited(TimeSpan.FromMilliseconds(50)), // RetryInfo 0.05s and Retry-After: 1
            1 => GeminiStandIn.RateLimited(TimeSpan.FromMilliseconds(50), retryAfterHeader: false),
            2 => GeminiStandIn.Unavailable(503),
            3 => GeminiStandIn.Unavailable(500),
            4 => new Fault.Reset(),
            5 => new Fault.Truncate(),
            6 => new Fault.ResetAfterEffect(),
            _ => random.Next(4) == 0 ? new Fault.Delay(TimeSpan.FromSeconds(5)) : GeminiStandIn.Unavailable(503), // an attempt timeout, now and then
        }, Seed);

        // The first push meets a 503 after its append was applied, then the random faults follow.
        _sheets.Faults.Enqueue(new Fault.Delay(TimeSpan.Zero), new Fault.StatusAfterEffect(503, GoogleErrorBody.Of(503, "UNAVAILABLE", "The service is currently unavailable.")));
        _sheets.Faults.FailRandomly(FailureRate, random => random.Next(6) switch
        {
            0 => new Fault.Status(429, GoogleErrorBody.Of(429, "RESOURCE_EXHAUSTED", "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user'."),
                new Dictionary<string, string> { ["Retry-After"] = "1" }),
            1 => new Fault.Status(503, GoogleErrorBody.Of(503, "UNAVAILABLE", "The service is currently unavailable.")),
            2 => new Fault.StatusAfterEffect(500, GoogleErrorBody.Of(500, "INTERNAL", "Internal error encountered.")),
            3 => new Fault.ResetAfterEffect(),
            4 => new Fault.Truncate(),
            _ => new Fault.Reset(),
        }, Seed);
    }

    private async Task<CliProcess.Result> RunAsync(params string[] args)
    {
        var info = CliProcess.StartInfo(args);
        info.WorkingDirectory = _temp.Path; // no appsettings.json of the test's folder
        foreach (var (name, value) in _environment)
        {
            info.Environment[name] = value;
        }

        var result = await CliProcess.RunAsync(info);
        output.WriteLine($"$ fleetmanager {string.Join(' ', args.Take(3))} -> exit {result.ExitCode}\n{result.StdOut.Trim()}\n{result.StdErr.Trim()}");
        // Success, or "transient: run again later"; anything else (a crash, a configuration error) fails the proof.
        Assert.True(result.ExitCode is 0 or 7, $"exit {result.ExitCode}: {result.StdErr}");
        return result;
    }

    private static int MaxInWindow(List<DateTimeOffset> sorted, TimeSpan window)
    {
        var max = 0;
        var first = 0;
        for (var last = 0; last < sorted.Count; last++)
        {
            while (sorted[last] - sorted[first] >= window)
            {
                first++;
            }

            max = Math.Max(max, last - first + 1);
        }

        return max;
    }

    private static long Sum(Regex pattern, string text, int group) =>
        pattern.Matches(text).Sum(m => long.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"model calls\s+(\d+)\s+\(.*?(\d+) calls saved by the pre-filter")]
    private static partial Regex ModelCallsLine();

    [GeneratedRegex(@"gemini request permitted at (\S+)")]
    private static partial Regex PermitLine();

    [GeneratedRegex(@"Gmail quota units\s+\d+")]
    private static partial Regex GmailUnitsLine();

    public async Task DisposeAsync()
    {
        await _oauth.DisposeAsync();
        await _gmail.DisposeAsync();
        await _gemini.DisposeAsync();
        await _sheets.DisposeAsync();
    }

    public void Dispose() => _temp.Dispose();
}
