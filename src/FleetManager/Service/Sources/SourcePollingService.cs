using FleetManager.Core.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using FleetManager.Service.Outbox;

namespace FleetManager.Service.Sources;

/// <summary>
/// The poll loop of one source (one instance per entry of <c>Sources</c>): wait for the lease, poll on
/// schedule while holding it (renewing it between and during polls), push the outbox after each poll.
/// On stop it takes no new message, finishes the batch in flight, pushes the outbox if time allows and
/// releases the lease, all within <see cref="ServiceOptions.ShutdownTimeout"/>.
/// </summary>
internal sealed class SourcePollingService(
    int index,
    SourceCatalog catalog,
    SourceWorkerFactory workers,
    OutboxPusher pusher,
    IdleMemoryReleaser memory,
    ServiceState state,
    IOptions<ServiceOptions> options,
    TimeProvider timeProvider,
    ILogger<SourcePollingService> logger) : BackgroundService
{
    private readonly CancellationTokenSource _hardStop = new();
    private readonly ServiceOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var source = catalog.Sources[index];
        if (!source.Options.Enabled)
        {
            state.Source(source.Name, source.Options.Kind, enabled: false).Beat(timeProvider.GetUtcNow(), SourceActivity.Disabled);
            return;
        }

        // Leave the host's start-up path at once: a blocking mailbox constructor must not hold up the others.
        await Task.Yield();
        var worker = workers.Create(source);
        var schedule = SourceSchedule.For(source.Options);
        ServiceLog.SourceStarting(logger, source.Name, source.Options.Kind,
            string.IsNullOrWhiteSpace(source.Options.Cron) ? "every " + source.Options.Interval : "cron " + source.Options.Cron, source.Options.Reader);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var attemptStart = timeProvider.GetUtcNow();
                PollOutcome outcome;
                var newMessages = 0;
                memory.PollStarting();
                try
                {
                    outcome = await worker.PollAsync(stoppingToken, _hardStop.Token).ConfigureAwait(false);
                    newMessages = outcome.NewMessages;
                }
                finally
                {
                    memory.PollFinished(readMessages: newMessages > 0);
                }

                if (!outcome.Polled)
                {
                    // Standby (or the store is down): try again after one heartbeat.
                    await Task.Delay(_options.HeartbeatInterval, timeProvider, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                await PushOutboxAsync(_hardStop.Token).ConfigureAwait(false);
                var due = schedule.Next(attemptStart);
                if (outcome.ResumeAt is { } resumeAt && resumeAt > due)
                {
                    // A spent daily quota: polling before the reset would only fail again.
                    ServiceLog.SourcePaused(logger, source.Name, resumeAt);
                    due = resumeAt;
                }

                await WaitForNextPollAsync(worker, due, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping between polls or after the drained poll.
        }
        finally
        {
            if (!_hardStop.IsCancellationRequested && pusher.HasSinks)
            {
                // Push what this poll committed if it is quick; otherwise the next instance will.
                using var quick = CancellationTokenSource.CreateLinkedTokenSource(_hardStop.Token);
                quick.CancelAfter(TimeSpan.FromSeconds(5));
                try
                {
                    await PushOutboxAsync(quick.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Not quick: the outbox keeps the rows.
                }
            }

            await worker.ReleaseLeaseAsync().ConfigureAwait(false);
            worker.State.Beat(timeProvider.GetUtcNow(), SourceActivity.Stopped);
            ServiceLog.SourceStopped(logger, source.Name);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        ServiceLog.Draining(logger);
        // Keep a margin of the shutdown budget for the outbox push and the lease release.
        var budget = _options.ShutdownTimeout;
        _hardStop.CancelAfter(budget - TimeSpan.FromTicks(Math.Min(budget.Ticks / 5, TimeSpan.FromSeconds(5).Ticks)));
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _hardStop.Dispose();
        base.Dispose();
    }

    private async Task PushOutboxAsync(CancellationToken cancellationToken) =>
        await pusher.PushAllAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Sleeps until <paramref name="due"/> in heartbeat slices, keeping the lease and the liveness beat fresh; an IDLE-capable mailbox ends the wait when mail arrives.</summary>
    private async Task WaitForNextPollAsync(SourceWorker worker, DateTimeOffset due, CancellationToken stoppingToken)
    {
        ServiceLog.NextPoll(logger, worker.Source.Name, due);
        worker.State.Scheduled(due);
        while (true)
        {
            var now = timeProvider.GetUtcNow();
            if (now >= due)
            {
                return;
            }

            var activity = worker.State.Snapshot().Activity;
            worker.State.Beat(now, activity is SourceActivity.Failing ? SourceActivity.Failing : SourceActivity.Idle);
            if (!await worker.TryHoldLeaseAsync(stoppingToken).ConfigureAwait(false))
            {
                // Lost the lease between polls: the loop waits for it again.
                return;
            }

            var slice = due - now < _options.HeartbeatInterval ? due - now : _options.HeartbeatInterval;
            if (worker.Mailbox is INotifyingMailbox notifying)
            {
                try
                {
                    if (await notifying.WaitForNewMailAsync(slice, stoppingToken).ConfigureAwait(false))
                    {
                        return;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A dropped IDLE connection after a good poll (a server restart): poll now, so it costs no interval;
                    // the poll reports the problem if it persists. After a failed poll the server is down: wait for the
                    // schedule like a mailbox without IDLE, or every failed wait would start another failing poll at once.
                    if (activity is not SourceActivity.Failing)
                    {
                        return;
                    }

                    await Task.Delay(slice, timeProvider, stoppingToken).ConfigureAwait(false);
                }
            }
            else
            {
                await Task.Delay(slice, timeProvider, stoppingToken).ConfigureAwait(false);
            }
        }
    }
}
