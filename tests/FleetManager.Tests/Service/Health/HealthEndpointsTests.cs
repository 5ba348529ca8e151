using FleetManager.Service;
using FleetManager.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using FleetManager.Service.Sources;

namespace FleetManager.Tests.Service.Health;

/// <summary>The health endpoints over real HTTP, against the real host with a test source kind where the test must hold a poll.</summary>
public sealed class HealthEndpointsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static Dictionary<string, string?> TestSource(string name) => new()
    {
        ["Sources:0:Name"] = name,
        ["Sources:0:Kind"] = "test",
        ["Sources:0:Interval"] = "00:01:00",
    };

    [Fact]
    public async Task Ready_BeforeFirstPollCompletes_Is503AndAfterIs200()
    {
        var mailbox = new GatedMailbox("gated");
        mailbox.Messages.Add(SampleMessages.Raw(0));
        await using var host = await ServiceTestHost.StartAsync(_temp.File("fm.db"), TestSource("gated"),
            s => s.AddSingleton<IMailboxFactory>(new TestMailboxKind(mailbox)));

        await mailbox.PollWaiting.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var (status, body) = await host.GetJsonAsync("/healthz/ready");
        Assert.Equal(503, status);
        Assert.Contains("source gated", body.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).First(r => r!.Contains("gated", StringComparison.Ordinal)));

        mailbox.Open();
        var ready = await host.WaitForStatusAsync("/healthz/ready", 200);
        Assert.Equal("ready", ready.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_StoreFolderRemoved_Is503UntilItIsBack()
    {
        var data = Directory.CreateDirectory(Path.Combine(_temp.Path, "data")).FullName;
        var mail = Path.Combine(_temp.Path, "mail");
        SampleMessages.CopyTo(mail, 1);
        await using var host = await ServiceTestHost.StartAsync(Path.Combine(data, "fm.db"), new Dictionary<string, string?>
        {
            ["Sources:0:Name"] = "inbox",
            ["Sources:0:Kind"] = "folder",
            ["Sources:0:Folder:Path"] = mail,
        });
        // The first poll has created the order book (ready can answer 200 before it, on an empty folder).
        await host.WaitForStatusAsync("/healthz", 200, b => b.GetProperty("sources")[0].GetProperty("last_success").ValueKind != System.Text.Json.JsonValueKind.Null);
        await host.WaitForStatusAsync("/healthz/ready", 200);

        // The data volume goes away (unmounted, deleted): the service must stop saying it is ready.
        var moved = Path.Combine(_temp.Path, "data-moved");
        Directory.Move(data, moved);
        var (status, body) = await host.GetJsonAsync("/healthz/ready");
        Assert.Equal(503, status);
        Assert.Contains(body.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("store:", StringComparison.Ordinal));

        Directory.Move(moved, data);
        await host.WaitForStatusAsync("/healthz/ready", 200);
    }

    [Fact]
    public async Task Status_SourceStallsLongerThanStaleIntervals_IsDegraded()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        var mailbox = new GatedMailbox("slow");
        var settings = TestSource("slow");
        settings["Service:StaleAfterIntervals"] = "3";
        await using var host = await ServiceTestHost.StartAsync(_temp.File("fm.db"), settings, s =>
        {
            s.AddSingleton<IMailboxFactory>(new TestMailboxKind(mailbox));
            s.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
        });

        await mailbox.PollWaiting.Task.WaitAsync(TimeSpan.FromSeconds(60));
        mailbox.Open();
        var healthy = await host.WaitForStatusAsync("/healthz", 200, b => b.GetProperty("sources")[0].GetProperty("last_success").ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.Equal("Healthy", healthy.GetProperty("status").GetString());

        // The next poll starts and hangs at the gate while the clock runs past 3 intervals. The clock moves a minute
        // at a time until that poll has started: a single jump could land before the worker has begun its wait
        // (it then waits a whole interval from the new time, and nothing moves the clock again).
        var secondPoll = mailbox.PollWaiting.Task;
        var advanced = TimeSpan.Zero;
        while (!secondPoll.IsCompleted && advanced < TimeSpan.FromMinutes(30))
        {
            time.Advance(TimeSpan.FromMinutes(1));
            advanced += TimeSpan.FromMinutes(1);
            await Task.WhenAny(secondPoll, Task.Delay(200));
        }

        await secondPoll.WaitAsync(TimeSpan.FromSeconds(60));
        if (advanced < TimeSpan.FromMinutes(4))
        {
            time.Advance(TimeSpan.FromMinutes(4) - advanced);
        }

        var (status, body) = await host.GetJsonAsync("/healthz");
        Assert.Equal(200, status);
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        var source = body.GetProperty("sources")[0];
        Assert.True(source.GetProperty("stale").GetBoolean());
        Assert.Equal("polling", source.GetProperty("state").GetString());
        mailbox.Open();
    }

    [Fact]
    public async Task Status_AfterPoll_ReportsSourceCountsVersionAndStore()
    {
        var mail = Path.Combine(_temp.Path, "mail");
        var count = SampleMessages.CopyTo(mail, 3);
        await using var host = await ServiceTestHost.StartAsync(_temp.File("fm.db"), new Dictionary<string, string?>
        {
            ["Sources:0:Name"] = "inbox",
            ["Sources:0:Kind"] = "folder",
            ["Sources:0:Folder:Path"] = mail,
        });

        var body = await host.WaitForStatusAsync("/healthz", 200, b => b.GetProperty("sources")[0].GetProperty("last_success").ValueKind != System.Text.Json.JsonValueKind.Null);
        var source = body.GetProperty("sources")[0];
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal(count, source.GetProperty("last_poll_messages").GetInt32());
        Assert.Equal(0, source.GetProperty("consecutive_failures").GetInt32());
        Assert.True(body.GetProperty("store").GetProperty("ok").GetBoolean());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("version").GetString()));
    }

    [Fact]
    public async Task Status_FirstPollFails_ShowsErrorAndFailureCount()
    {
        var mailbox = new GatedMailbox("broken") { AlwaysOpen = true, Failure = new HttpRequestException("connection refused") };
        var settings = TestSource("broken");

        // Full error texts only with the detail setting (issue 12 §4; without it /healthz shows the failure kind).
        settings["Service:HealthDetail"] = "true";
        await using var host = await ServiceTestHost.StartAsync(_temp.File("fm.db"), settings,
            s => s.AddSingleton<IMailboxFactory>(new TestMailboxKind(mailbox)));

        var body = await host.WaitForStatusAsync("/healthz", 503, b => b.GetProperty("sources")[0].GetProperty("consecutive_failures").GetInt32() > 0);
        var source = body.GetProperty("sources")[0];
        Assert.Contains("connection refused", source.GetProperty("last_error").GetString(), StringComparison.Ordinal);
        Assert.Equal("transient", source.GetProperty("last_error_kind").GetString());
        Assert.Equal(503, (await host.GetJsonAsync("/healthz/ready")).Status);
    }

    [Fact]
    public async Task Status_ReaderDailyQuotaSpent_SourcePausesUntilTheResetThenPolls()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        var resetAt = time.GetUtcNow().AddHours(9);
        var mailbox = new GatedMailbox("model")
        {
            AlwaysOpen = true,
            Failure = new FleetManager.Core.Pipeline.ModelQuotaExhaustedException("the model's daily quota is spent", resetAt),
        };
        await using var host = await ServiceTestHost.StartAsync(_temp.File("fm.db"), TestSource("model"), s =>
        {
            s.AddSingleton<IMailboxFactory>(new TestMailboxKind(mailbox));
            s.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
        });

        var paused = await host.WaitForStatusAsync("/healthz", 503, b => b.GetProperty("sources")[0].GetProperty("next_poll").ValueKind == System.Text.Json.JsonValueKind.String);
        Assert.Equal(resetAt, paused.GetProperty("sources")[0].GetProperty("next_poll").GetDateTimeOffset());
        Assert.Equal("transient", paused.GetProperty("sources")[0].GetProperty("last_error_kind").GetString());

        // Hours pass, far beyond the 1-minute interval; at the reset the source polls again, once.
        mailbox.Failure = null;
        time.Advance(TimeSpan.FromHours(1));
        time.Advance(TimeSpan.FromHours(8));
        await host.WaitForStatusAsync("/healthz", 200, b => b.GetProperty("sources")[0].GetProperty("last_success").ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.Equal(2, mailbox.Polls);
    }

    [Fact]
    public async Task Live_PollLoopRunning_Is200()
    {
        var mailbox = new GatedMailbox("gated");
        await using var host = await ServiceTestHost.StartAsync(_temp.File("fm.db"), TestSource("gated"),
            s => s.AddSingleton<IMailboxFactory>(new TestMailboxKind(mailbox)));

        var (status, body) = await host.GetJsonAsync("/healthz/live");
        Assert.Equal(200, status);
        Assert.Equal("live", body.GetProperty("status").GetString());
        mailbox.Open();
    }

    [Fact]
    public async Task Metrics_AfterPoll_ShowMessageCountersByOutcome()
    {
        var mail = Path.Combine(_temp.Path, "mail");
        SampleMessages.CopyTo(mail, 2);
        await using var host = await ServiceTestHost.StartAsync(_temp.File("fm.db"), new Dictionary<string, string?>
        {
            ["Sources:0:Name"] = "inbox",
            ["Sources:0:Kind"] = "folder",
            ["Sources:0:Folder:Path"] = mail,
        });
        await host.WaitForStatusAsync("/healthz/ready", 200);

        var text = await MetricsTextAsync(host, t => t.Contains("fleetmanager_messages_total", StringComparison.Ordinal));
        var processed = text.Split('\n').Single(l => l.StartsWith("fleetmanager_messages_total{", StringComparison.Ordinal) && l.Contains("outcome=\"processed\"", StringComparison.Ordinal));
        Assert.Contains("source=\"inbox\"", processed, StringComparison.Ordinal);
        Assert.EndsWith(" 2", processed.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("fleetmanager_poll_duration_seconds_count", text, StringComparison.Ordinal);
        Assert.Contains("fleetmanager_source_last_success", text, StringComparison.Ordinal);
    }

    internal static async Task<string> MetricsTextAsync(ServiceTestHost host, Func<string, bool> until)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var text = "";
        while (!deadline.IsCancellationRequested)
        {
            text = await host.Http.GetStringAsync("/metrics");
            if (until(text))
            {
                return text;
            }

            // The exporter caches a scrape briefly; ask again.
            await Task.Delay(100, CancellationToken.None);
        }

        throw new TimeoutException("/metrics never showed the expected series:\n" + text);
    }
}
