using FleetManager.Core.Errors;
using FleetManager.Core.Diagnostics;
using FleetManager.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FleetManager.Service.Outbox;

/// <summary>
/// Pushes the outbox to every registered <see cref="IOutboxSink"/> (after each poll). One push at a
/// time: pollers of several sources share the sinks. A failing sink is reported and retried after the
/// next poll; the outbox keeps its rows.
/// </summary>
internal sealed class OutboxPusher(
    IEnumerable<IOutboxSink> sinks, IServiceProvider services, ServiceState state, FleetManagerMetrics metrics,
    SecretRedactor redactor, TimeProvider timeProvider, ILogger<OutboxPusher> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<IOutboxSink> _sinks = [.. sinks];

    public bool HasSinks => _sinks.Count > 0;

    /// <summary>Pushes every sink; returns the worst failure (null: all delivered).</summary>
    public async Task<FailureKind?> PushAllAsync(CancellationToken cancellationToken)
    {
        if (_sinks.Count == 0)
        {
            return null;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            FailureKind? worst = null;
            var outbox = services.GetService<IOutbox>();
            foreach (var sink in _sinks)
            {
                var sinkState = state.Sink(sink.Name);
                try
                {
                    var pushed = await sink.PushAsync(cancellationToken).ConfigureAwait(false);
                    long? depth = outbox is null ? null : await outbox.DepthAsync(sink.Name, cancellationToken).ConfigureAwait(false);
                    sinkState.Pushed(timeProvider.GetUtcNow(), depth);
                    if (depth is { } d)
                    {
                        metrics.SetOutboxDepth(sink.Name, d);
                    }

                    ServiceLog.SinkPushed(logger, sink.Name, pushed, depth);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception ex)
                {
                    var kind = FailureClassifier.Classify(ex);
                    var error = redactor.Redact(FailureClassifier.Describe(ex));
                    long? depth = null;
                    try
                    {
                        depth = outbox is null ? null : await outbox.DepthAsync(sink.Name, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex2) when (ex2 is not OperationCanceledException)
                    {
                        // The store may be what failed; the depth is only informative.
                    }

                    await RecordFailureAsync(outbox, sink, error, cancellationToken).ConfigureAwait(false);
                    sinkState.Failed(depth, error);
                    ServiceLog.SinkFailed(logger, sink.Name, kind, error);
                    worst = Worse(worst, kind);
                }
            }

            return worst;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// Counts the failure against the rows the sink tried: it takes the oldest undelivered rows a batch at a time and
    /// marks each batch delivered as it goes, so the failing batch is the oldest <see cref="IOutboxSink.BatchSize"/> rows
    /// still waiting. Rows that keep failing show on the dashboard's review queue (docs/dashboard.md).
    /// </summary>
    private async ValueTask RecordFailureAsync(IOutbox? outbox, IOutboxSink sink, string redactedError, CancellationToken cancellationToken)
    {
        if (outbox is null || services.GetService<IOutboxFailureLog>() is not { } failures)
        {
            return;
        }

        try
        {
            var pending = await outbox.PendingAsync(sink.Name, sink.BatchSize, cancellationToken).ConfigureAwait(false);
            await failures.RecordFailedPushAsync(sink.Name, [.. pending.Select(e => e.Id)], redactedError, timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The store may be what failed: the push's own failure is what is reported, and the next one counts again.
            ServiceLog.SinkFailureNotRecorded(logger, sink.Name, redactor.Redact(FailureClassifier.Describe(ex)));
        }
    }

    /// <summary>Configuration beats authentication beats store beats transient: the one the operator must act on first.</summary>
    public static FailureKind? Worse(FailureKind? a, FailureKind? b) => (a, b) switch
    {
        (null, _) => b,
        (_, null) => a,
        _ => Rank(a.Value) >= Rank(b.Value) ? a : b,
    };

    private static int Rank(FailureKind kind) => kind switch
    {
        FailureKind.Configuration => 3,
        FailureKind.Authentication => 2,
        FailureKind.Store => 1,
        _ => 0,
    };
}
