using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;

namespace FleetManager.Service.Doctor;

/// <summary>
/// Every external endpoint the configuration uses answers over HTTP (any status: reachability only,
/// no credentials sent): each <c>…BaseUrl</c>, <c>…TokenUrl</c> and <c>…Endpoint</c> setting, plus the
/// default endpoint of each configured service (Gemini, OpenAI, Gmail, Sheets, geocoders).
/// </summary>
internal sealed class EndpointsCheck(IConfiguration configuration, IHttpClientFactory httpClientFactory) : IDoctorCheck
{
    public const string HttpClientName = "doctor";

    /// <summary>The section that turns a service on, and its default endpoint(s) when no URL is configured.</summary>
    private static readonly (string Section, string Name, string Url)[] Defaults =
    [
        ("Gemini", "Gemini", "https://generativelanguage.googleapis.com/"),
        ("OpenAI", "OpenAI", "https://api.openai.com/"),
        ("Gmail", "Gmail", "https://gmail.googleapis.com/"),
        ("Gmail", "Google token", "https://oauth2.googleapis.com/token"),
        ("Sheets", "Sheets", "https://sheets.googleapis.com/"),
        ("Sheets", "Google token", "https://oauth2.googleapis.com/token"),
        ("Geocoding:Google", "Google geocoding", "https://maps.googleapis.com/"),
        ("Geocoding:Nominatim", "Nominatim", "https://nominatim.openstreetmap.org/"),
    ];

    public int Order => 300;

    public async IAsyncEnumerable<DoctorResult> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (name, url) in Endpoints())
        {
            yield return await ProbeAsync(name, url, cancellationToken).ConfigureAwait(false);
        }
    }

    internal IEnumerable<(string Name, Uri Url)> Endpoints()
    {
        var found = new Dictionary<string, (string Name, Uri Url)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (value is { Length: > 0 } && (key.EndsWith("BaseUrl", StringComparison.OrdinalIgnoreCase)
                || key.EndsWith("TokenUrl", StringComparison.OrdinalIgnoreCase) || key.EndsWith("Endpoint", StringComparison.OrdinalIgnoreCase))
                && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                found.TryAdd(Origin(uri), (key, uri));
            }
        }

        // Read straight from the configuration: this check must work even when the Sources fail validation.
        var sources = configuration.GetSection("Sources").GetChildren().ToList();
        var kinds = sources.Select(s => s["Kind"] ?? "").ToHashSet(StringComparer.OrdinalIgnoreCase);
        var readers = sources.Select(s => s["Reader"] ?? "").ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (section, name, url) in Defaults)
        {
            var used = configuration.GetSection(section).GetChildren().Any() || kinds.Contains(section) || readers.Contains(section);
            var configured = configuration.AsEnumerable().Any(p => p.Key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase)
                && (p.Key.EndsWith("BaseUrl", StringComparison.OrdinalIgnoreCase) || (name == "Google token" && p.Key.EndsWith("TokenUrl", StringComparison.OrdinalIgnoreCase))));
            if (used && !configured)
            {
                var uri = new Uri(url);
                found.TryAdd(Origin(uri), (name, uri));
            }
        }

        return found.Values.OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase);
    }

    private async Task<DoctorResult> ProbeAsync(string name, Uri url, CancellationToken cancellationToken)
    {
        // Only the scheme, host and port are shown: a URL's path or query could carry a key.
        var shown = Origin(url);
        var check = "endpoint " + name;
        try
        {
            var client = httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.GetAsync(new Uri(url.GetLeftPart(UriPartial.Path)), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return DoctorResult.Pass(check, $"{shown} answered (HTTP {(int)response.StatusCode})");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            var why = ex is TaskCanceledException ? "no answer within the timeout" : ex.Message;
            return DoctorResult.Fail(check, $"{shown} is not reachable: {why}", "check DNS, the firewall and the proxy (HTTPS_PROXY), or the URL setting");
        }
    }

    private static string Origin(Uri uri) => uri.GetLeftPart(UriPartial.Authority);
}
