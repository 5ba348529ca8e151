using System.CommandLine;
using FleetManager.Service;

namespace FleetManager.Commands;

/// <summary>
/// <c>fleetmanager healthcheck [--url URL] [--ready]</c>: asks a running service for <c>/healthz/live</c>
/// (or <c>/healthz/ready</c>); exit 0 when it answers 200, else 1. For a container HEALTHCHECK without curl.
/// </summary>
internal static class HealthcheckCommand
{
    public static Command Create(Func<VerbEnvironment> environment)
    {
        var url = new Option<string?>("--url") { Description = "The service's base URL (default: the first of Service:Urls, with 0.0.0.0 read as localhost)." };
        var ready = new Option<bool>("--ready") { Description = "Check readiness (/healthz/ready) instead of liveness (/healthz/live)." };
        var command = new Command("healthcheck", "Ask the running service whether it is live (or ready); exit 0 yes, 1 no.")
        {
            url, ready,
        };
        command.SetAction((parse, ct) =>
        {
            var env = environment();
            return RunAsync(env, parse.GetValue(url), parse.GetValue(ready), ct);
        });
        return command;
    }

    /// <summary>
    /// Asks the service at <paramref name="url"/> (else the first of <c>Service:Urls</c> in <paramref name="environment"/>'s
    /// settings) whether it is live or ready; the answer on its output, no answer on its error writer.
    /// </summary>
    internal static async Task<int> RunAsync(VerbEnvironment environment, string? url, bool ready, CancellationToken cancellationToken)
    {
        var baseUrl = url ?? DefaultUrl(environment.Configuration[$"{ServiceOptions.SectionName}:{nameof(ServiceOptions.Urls)}"]);
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var baseUri))
        {
            environment.Error.WriteLine($"error: '{baseUrl}' is not a URL.");
            return ExitCodes.Quarantined;
        }

        var target = new Uri(baseUri, ready ? "/healthz/ready" : "/healthz/live");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(target, cancellationToken).ConfigureAwait(false);
            environment.Out.WriteLine($"{target}: HTTP {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? ExitCodes.Success : ExitCodes.Quarantined;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            environment.Error.WriteLine($"{target}: no answer ({(ex is TaskCanceledException ? "timeout" : ex.Message)})");
            return ExitCodes.Quarantined;
        }
    }

    /// <summary>The first listening URL, with a wildcard host replaced by localhost (where a container's check runs).</summary>
    internal static string DefaultUrl(string? urls)
    {
        var first = (string.IsNullOrWhiteSpace(urls) ? new ServiceOptions().Urls : urls)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        foreach (var wildcard in new[] { "0.0.0.0", "[::]", "*", "+" })
        {
            first = first.Replace("://" + wildcard, "://localhost", StringComparison.Ordinal);
        }

        return first;
    }
}
