using FleetManager.Dashboard.Hosting;
using FleetManager.Llm.Gemini;
using FleetManager.Llm.OpenAi;
using FleetManager.Service.Health;
using FleetManager.Service.Outbox;
using Microsoft.Extensions.Configuration;

namespace FleetManager.Service;

/// <summary>
/// The dashboard's view of <c>fleetmanager run</c>: the <c>/healthz/status</c> document (<see cref="HealthReporter"/>, with
/// its redaction rules) plus who holds each source's lease and the model calls, and the outbox push behind "retry".
/// </summary>
internal sealed class DashboardServiceStatus(
    HealthReporter health, OutboxPusher pusher, ServiceState state, ServiceIdentity identity, ModelCallTally models,
    IConfiguration configuration, TimeProvider timeProvider) : IServiceStatusSource
{
    public async Task<ServiceStatusView> ReadAsync(CancellationToken cancellationToken)
    {
        var status = await health.StatusAsync(cancellationToken).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        var sources = status.Sources.Select(s => new SourceStatusView(
            s.Name, s.Kind, s.Enabled, s.State, s.LastAttempt, s.LastSuccess,
            s.Enabled ? now - (s.LastSuccess ?? state.StartedAt) : null,
            // Standby: another instance holds the lease (a blue-green twin); otherwise this process polls it.
            s.State == "standby" ? "another instance" : s.Enabled ? "this instance (" + identity.Holder + ")" : "nobody (disabled)",
            s.ConsecutiveFailures, s.LastError, s.Backlog)).ToList();
        var sinks = status.Outbox.Select(s => new SinkStatusView(s.Sink, s.Depth, s.LastPush, s.LastError)).ToList();
        var reader = configuration["Reader:Kind"]?.Trim() is { Length: > 0 } kind ? kind.ToLowerInvariant() : "rules";
        var (calls, failed, input, output) = models.Totals;
        return new ServiceStatusView(status.Status, status.Version, status.Commit, status.StartedAt, sources, sinks,
            new ModelUsageView(reader, calls, failed, input, output, QuotaOf(reader)));
    }

    public async Task<string?> PushOutboxAsync(CancellationToken cancellationToken)
    {
        var worst = await pusher.PushAllAsync(cancellationToken).ConfigureAwait(false);
        if (worst is null)
        {
            return null;
        }

        // The sinks' own errors are already redacted in their state, as /healthz shows them.
        return string.Join("; ", state.Sinks.Select(s => s.Snapshot().LastError).OfType<string>().DefaultIfEmpty(worst.Value.ToString()));
    }

    /// <summary>The client-side request limit the model reader keeps (its options' RequestsPerMinute).</summary>
    private string? QuotaOf(string reader) => reader switch
    {
        "gemini" => (configuration[$"{GeminiOptions.Section}:RequestsPerMinute"] ?? "10") + " requests per minute (Gemini:RequestsPerMinute)",
        "openai" => (configuration[$"{OpenAiOptions.Section}:RequestsPerMinute"] ?? "60") + " requests per minute (OpenAI:RequestsPerMinute)",
        _ => null,
    };
}
