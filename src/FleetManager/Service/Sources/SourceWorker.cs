using FleetManager.Core.Errors;
using System.Diagnostics;
using FleetManager.Core.Diagnostics;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace FleetManager.Service.Sources;

/// <summary>
/// One source's work, shared by the service loop and <c>poll --once</c>: hold its lease, poll it
/// (read, process, commit, acknowledge), and record what happened in its state, logs and metrics.
/// </summary>
internal sealed class SourceWorker(
    ConfiguredSource source,
    IMailbox mailbox,
    MailboxPoller poller,
    IOrderBook orderBook,
    ILeaseStore leases,
    ICursorStore cursors,
    SourceState state,
    ServiceIdentity identity,
    ServiceOptions options,
    FleetManagerMetrics metrics,
    SecretRedactor redactor,
    TimeProvider timeProvider,
    ILogger logger)
{
    private bool _holdsLease;
    private (FailureKind Kind, string Error)? _leaseFailure;

    public ConfiguredSource Source => source;

    public IMailbox Mailbox => mailbox;

    public SourceState State => state;

    private const string StoreProbeKey = "fleetmanager:store-probe";

    private string LeaseResource => "source:" + source.Name;

    /// <summary>
    /// Takes or renews this source's lease; false when another instance holds it (or the store cannot answer, which is
    /// recorded as the source's failure). Cancelling <paramref name="cancellationToken"/> throws and records nothing.
    /// </summary>
    public async ValueTask<bool> TryHoldLeaseAsync(CancellationToken cancellationToken)
    {
        bool held;
        try
        {
            held = await leases.TryAcquireAsync(LeaseResource, identity.Holder, options.LeaseDuration, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The store is down: nobody can poll now; say so and retry on the next beat.
            _leaseFailure = (FailureClassifier.Classify(ex), redactor.Redact(FailureClassifier.Describe(ex)));
            state.Failed(timeProvider.GetUtcNow(), _leaseFailure.Value.Kind, _leaseFailure.Value.Error);
            _holdsLease = false;
            return false;
        }

        _leaseFailure = null;

        if (held && !_holdsLease)
        {
            ServiceLog.LeaseTaken(logger, source.Name, identity.Holder);
        }
        else if (!held && _holdsLease)
        {
            ServiceLog.LeaseLost(logger, source.Name);
        }
        else if (!held && state.Snapshot().Activity != SourceActivity.Standby)
        {
            ServiceLog.LeaseHeldElsewhere(logger, source.Name);
        }

        _holdsLease = held;
        if (!held)
        {
            state.Beat(timeProvider.GetUtcNow(), SourceActivity.Standby);
        }

        return held;
    }

    /// <summary>Gives the lease up when this worker holds it; never cancelled, since it runs while the service stops.</summary>
    public async ValueTask ReleaseLeaseAsync()
    {
        if (!_holdsLease)
        {
            return;
        }

        try
        {
            await leases.ReleaseAsync(LeaseResource, identity.Holder, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The lease expires on its own; a failed release only delays a takeover.
        }

        _holdsLease = false;
    }

    /// <summary>
    /// One poll under the lease: takes no new message after <paramref name="drain"/>; abandons the
    /// uncommitted work when <paramref name="hardStop"/> fires (the transaction boundary means a
    /// message is either wholly committed or not at all).
    /// </summary>
    public async Task<PollOutcome> PollAsync(CancellationToken drain, CancellationToken hardStop)
    {
        if (!await TryHoldLeaseAsync(hardStop).ConfigureAwait(false))
        {
            return new PollOutcome(false, _leaseFailure?.Kind, _leaseFailure?.Error);
        }

        state.BeginAttempt(timeProvider.GetUtcNow());
        var started = Stopwatch.GetTimestamp();
        using var lostLease = CancellationTokenSource.CreateLinkedTokenSource(drain);
        using var renewalStop = CancellationTokenSource.CreateLinkedTokenSource(hardStop);
        var committed = 0;
        var wrapper = new DrainableMailbox(mailbox, (raw, outcome) =>
        {
            var text = OutcomeText(outcome);
            Interlocked.Increment(ref committed);
            state.Count(outcome);
            // A watched folder meets every earlier message again on each poll: those lines are for debugging only.
            if (outcome is MailboxOutcome.AlreadyCommitted or MailboxOutcome.AlreadyQuarantined)
            {
                ServiceLog.MessageAlreadyCommitted(logger, source.Name, raw.SourceKey, text);
            }
            else
            {
                ServiceLog.MessageCommitted(logger, source.Name, raw.SourceKey, text);
            }
            metrics.RecordMessage(source.Name, text);
        }, lostLease.Token);
        var renewal = RenewWhilePollingAsync(lostLease, renewalStop.Token);
        var progress = new Progress(state, timeProvider, wrapper, () => Volatile.Read(ref committed));
        try
        {
            // Open (and migrate) the store before asking the mail server anything: a store problem
            // costs no mailbox call, and an empty poll still leaves a ready store behind.
            await orderBook.ContainsAsync(StoreProbeKey, hardStop).ConfigureAwait(false);
            var summary = await poller.PollAsync(wrapper, progress, hardStop).ConfigureAwait(false);
            if (summary.StoppedBy is { } stopped)
            {
                // The reader became unavailable: what came before is committed, the rest waits for the next poll.
                throw stopped;
            }

            var cursor = await ReadCursorAsync(hardStop).ConfigureAwait(false);
            state.Succeeded(timeProvider.GetUtcNow(), summary.MessagesRead, cursor);
            metrics.RecordOrders(source.Name, summary.Orders);
            var elapsed = Stopwatch.GetElapsedTime(started);
            metrics.RecordPoll(source.Name, elapsed, "success");
            metrics.SetLastSuccess(source.Name, timeProvider.GetUtcNow());
            ServiceLog.PollSucceeded(logger, source.Name, (long)elapsed.TotalMilliseconds,
                summary.MessagesRead, summary.Orders, summary.Quarantined, summary.SkippedAlreadyProcessed + summary.DuplicatesInInput);
            return new PollOutcome(true, null, null, NewMessages: summary.MessagesRead - summary.SkippedAlreadyProcessed - summary.DuplicatesInInput);
        }
        catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var kind = FailureClassifier.Classify(ex);
            var error = redactor.Redact(FailureClassifier.Describe(ex));
            state.Failed(timeProvider.GetUtcNow(), kind, error);
            metrics.RecordPoll(source.Name, Stopwatch.GetElapsedTime(started), kind.ToString().ToLowerInvariant());
            ServiceLog.PollFailed(logger, source.Name, kind, state.Snapshot().ConsecutiveFailures, error);
            return new PollOutcome(true, kind, error, (ex as FleetManager.Core.Errors.ServiceUnavailableException)?.RetryAfter);
        }
        finally
        {
            await renewalStop.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
        }
    }

    private async Task RenewWhilePollingAsync(CancellationTokenSource lostLease, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.HeartbeatInterval, timeProvider, stop).ConfigureAwait(false);
                state.Beat(timeProvider.GetUtcNow(), SourceActivity.Polling);
                if (!await TryHoldLeaseAsync(stop).ConfigureAwait(false))
                {
                    // Another instance may poll now: take no more messages (the ledger drops any overlap).
                    await lostLease.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The poll ended.
        }
    }

    private async ValueTask<string?> ReadCursorAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await cursors.GetCursorAsync(mailbox.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            return state.Snapshot().Cursor;
        }
    }

    public static string OutcomeText(MailboxOutcome outcome) => outcome switch
    {
        MailboxOutcome.Processed => "processed",
        MailboxOutcome.Quarantined => "quarantined",
        _ => "already_committed",
    };

    /// <summary>Each committed batch is a sign of life, and moves the backlog.</summary>
    private sealed class Progress(SourceState state, TimeProvider timeProvider, DrainableMailbox mailbox, Func<int> committed) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => state.Progress(timeProvider.GetUtcNow(), mailbox.Read, committed());
    }
}
