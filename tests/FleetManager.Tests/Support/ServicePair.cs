using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace FleetManager.Tests.Support;

/// <summary>
/// Two real <c>fleetmanager run</c> processes on one store and one source while messages arrive; the
/// lease holder is killed with SIGKILL once half of them are in the ledger. Both processes are killed
/// (process tree) on dispose, whatever happened.
/// </summary>
internal sealed partial class ServicePair : IDisposable
{
    private readonly ServiceProcess[] _processes = new ServiceProcess[2];
    private readonly OrderBookProbe _book;
    private readonly string _source;
    private readonly ITestOutputHelper _output;

    /// <param name="source">The source's name (its lease is <c>source:NAME</c>).</param>
    /// <param name="environment">Store and source settings shared by both processes.</param>
    /// <param name="leaseDuration">Service:LeaseDuration for both (short, so that the test is quick).</param>
    public ServicePair(string workingDirectory, IReadOnlyDictionary<string, string> environment, string[] runArguments,
        OrderBookProbe book, string source, TimeSpan leaseDuration, ITestOutputHelper output)
    {
        _book = book;
        _source = source;
        _output = output;
        LeaseDuration = leaseDuration;
        var settings = new Dictionary<string, string>(environment)
        {
            ["FLEETMANAGER__SERVICE__URLS"] = "http://127.0.0.1:0",
            ["FLEETMANAGER__SERVICE__LEASEDURATION"] = leaseDuration.ToString("c", CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < _processes.Length; i++)
        {
            _processes[i] = ServiceProcess.Start(workingDirectory, settings, ["run", .. runArguments]);
        }
    }

    public TimeSpan LeaseDuration { get; }

    /// <summary>The renewal period the service uses (a third of the lease): a standby instance retries this often.</summary>
    public TimeSpan HeartbeatInterval => LeaseDuration / 3;

    /// <summary>
    /// Delivers <paramref name="messages"/> messages with <paramref name="deliver"/> (paced, in groups),
    /// kills the lease holder once half of them are in the ledger, waits until the survivor holds the
    /// lease and every message is in the ledger.
    /// </summary>
    public async Task<Outcome> RunAsync(int messages, Func<int, Task> deliver, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        var delivery = DeliverPacedAsync(messages, deliver);

        await WaitUntilAsync(() => _book.LedgerRows() >= messages / 2 || delivery.IsFaulted, deadline - clock.Elapsed, "half of the messages in the ledger");
        await ThrowIfFaultedAsync(delivery);
        var lease = _book.Lease(LeaseResource) ?? throw new InvalidOperationException("No lease row while messages are being processed");
        var victim = ProcessOf(lease.Holder);
        var survivor = _processes.Single(p => p != victim);
        victim.KillHard();
        var killedAt = DateTimeOffset.UtcNow;
        var ledgerAtKill = _book.LedgerRows();
        _output.WriteLine($"{clock.Elapsed}: killed pid {victim.Id} (holder {lease.Holder}) with {ledgerAtKill} ledger rows");

        (string Holder, DateTimeOffset AcquiredAt)? takeover = null;
        await WaitUntilAsync(() => (takeover = _book.Lease(LeaseResource)) is { } l && l.Holder != lease.Holder, deadline - clock.Elapsed, "the survivor taking the lease");
        // Measured by the survivor's own record of when it acquired the lease, not by when this loop noticed it:
        // the test's polling lag on a loaded machine is no part of the takeover.
        var tookOverAfter = takeover!.Value.AcquiredAt - killedAt;
        _output.WriteLine($"{clock.Elapsed}: lease taken by {takeover!.Value.Holder} {tookOverAfter.TotalSeconds:F1} s after the kill");
        Assert.Equal(survivor, ProcessOf(takeover.Value.Holder));

        await delivery.WaitAsync(deadline - clock.Elapsed);
        await WaitUntilAsync(() => _book.LedgerRows() >= messages, deadline - clock.Elapsed, $"all {messages} messages in the ledger");
        _output.WriteLine($"{clock.Elapsed}: all {messages} messages in the ledger");
        Assert.False(survivor.HasExited, "the survivor stopped: " + Tail(survivor.Output));
        return new Outcome(victim.Output, survivor.Output, ledgerAtKill, tookOverAfter);
    }

    /// <summary>Keys logged as processed or quarantined by either process, one entry per log line.</summary>
    /// <summary>
    /// What both run-pair proofs assert about the kill: it came halfway (some but not all messages were
    /// committed), the survivor took over within the lease, and no message was committed by both processes.
    /// </summary>
    public void AssertTakeoverWithinLeaseAndNothingTwice(Outcome outcome, int messages)
    {
        Assert.InRange(outcome.LedgerRowsAtKill, messages / 2, messages - 1);
        // The lease expires at most one lease after the victim's last renewal, and the survivor retries
        // every heartbeat (both by the survivor's own clock); the rest allows for a survivor scheduled late.
        Assert.True(outcome.TookOverAfter < LeaseDuration + HeartbeatInterval + TimeSpan.FromSeconds(3),
            $"took over {outcome.TookOverAfter} after the kill (lease {LeaseDuration})");

        // No message was committed twice: each key appears in at most one outcome line of either process.
        var committed = CommittedKeys(outcome);
        Assert.Empty(committed.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.NotEmpty(committed);
    }

    public IReadOnlyList<string> CommittedKeys(Outcome outcome) =>
        [.. new[] { outcome.VictimOutput, outcome.SurvivorOutput }
            .SelectMany(output => output.Split('\n'))
            .Select(line => CommittedLine().Match(line))
            .Where(m => m.Success && m.Groups["source"].Value == _source)
            .Select(m => m.Groups["key"].Value)];

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process?.Dispose();
        }
    }

    private string LeaseResource => "source:" + _source;

    private ServiceProcess ProcessOf(string holder)
    {
        // The holder is "machine:pid:random"; `dotnet fleetmanager.dll` runs the app in the started process.
        var pid = int.Parse(holder.Split(':')[^2], CultureInfo.InvariantCulture);
        return _processes.SingleOrDefault(p => p.Id == pid)
            ?? throw new InvalidOperationException($"Lease holder {holder} is neither started process ({string.Join(", ", _processes.Select(p => p.Id))})");
    }

    /// <summary>Messages arrive in groups of 20 every 300 ms, so that arrivals overlap the kill and the takeover.</summary>
    private static async Task DeliverPacedAsync(int messages, Func<int, Task> deliver)
    {
        await Task.Yield();
        for (var i = 0; i < messages; i++)
        {
            await deliver(i);
            if (i % 20 == 19)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300));
            }
        }
    }

    private async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"Timed out waiting for {what} (ledger: {_book.LedgerRows()} rows).\n" +
                    string.Join("\n", _processes.Select(p => $"--- pid {p.Id}{(p.HasExited ? " (exited)" : "")}:\n{Tail(p.Output)}")));
            }

            await Task.Delay(50);
        }
    }

    private static async Task ThrowIfFaultedAsync(Task task)
    {
        if (task.IsFaulted)
        {
            await task;
        }
    }

    private static string Tail(string output) => string.Join('\n', output.Split('\n').TakeLast(40));

    [GeneratedRegex(@"Message (?<key>\S+) from (?<source>\S+): (processed|quarantined)\b")]
    private static partial Regex CommittedLine();

    public sealed record Outcome(string VictimOutput, string SurvivorOutput, long LedgerRowsAtKill, TimeSpan TookOverAfter);
}
