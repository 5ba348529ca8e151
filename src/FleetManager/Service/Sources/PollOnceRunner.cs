using FleetManager.Core.Errors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using FleetManager.Service.Outbox;

namespace FleetManager.Service.Sources;

/// <summary>
/// One pass of every enabled source (under its lease), then the outbox: the work of <c>poll --once</c>.
/// Returns the failure the operator must act on first (null: all good), and writes one line per problem.
/// </summary>
internal static class PollOnceRunner
{
    /// <summary>The result: the worst failure, and whether a stop signal cut the pass short.</summary>
    public sealed record Result(FailureKind? Worst, bool Interrupted);

    public static async Task<Result> RunAsync(IServiceProvider services, TextWriter error, CancellationToken drain, CancellationToken hardStop)
    {
        var catalog = services.GetRequiredService<SourceCatalog>();
        catalog.CreateDefaultFolder();

        var factory = services.GetRequiredService<SourceWorkerFactory>();
        FailureKind? worst = null;
        foreach (var source in catalog.Sources.Where(s => s.Options.Enabled))
        {
            if (drain.IsCancellationRequested)
            {
                break;
            }

            PollOutcome outcome;
            SourceWorker? worker = null;
            try
            {
                worker = factory.Create(source);
                outcome = await worker.PollAsync(drain, hardStop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
            {
                return new Result(worst, Interrupted: true);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                outcome = new PollOutcome(true, FailureClassifier.Classify(ex), services.GetRequiredService<SecretRedactor>().Redact(FailureClassifier.Describe(ex)));
            }
            finally
            {
                if (worker is not null)
                {
                    await worker.ReleaseLeaseAsync().ConfigureAwait(false);
                }
            }

            if (!outcome.Polled && outcome.Failure is null)
            {
                await error.WriteLineAsync($"skipped: source {source.Name}: another instance holds its lease; try again later.").ConfigureAwait(false);
                worst = OutboxPusher.Worse(worst, FailureKind.Transient);
            }
            else if (outcome.Failure is { } kind)
            {
                await error.WriteLineAsync($"error: source {source.Name} ({kind.ToString().ToLowerInvariant()}): {outcome.Error}").ConfigureAwait(false);
                worst = OutboxPusher.Worse(worst, kind);
            }
        }

        try
        {
            worst = OutboxPusher.Worse(worst, await services.GetRequiredService<OutboxPusher>().PushAllAsync(hardStop).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            return new Result(worst, Interrupted: true);
        }

        return new Result(worst, drain.IsCancellationRequested);
    }
}
