using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace FleetManager.Dashboard.Tests.Support;

/// <summary>
/// A script's view of <c>/api/v1</c> over real HTTP: one cookie jar (the antiforgery cookie), optionally the forwarded
/// user header a trusted sign-in proxy adds.
/// </summary>
internal sealed class ApiSession : IDisposable
{
    private readonly HttpClient _client;

    public ApiSession(string baseUrl, string? forwardedEmail = null)
    {
        _client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(baseUrl),
        };
        if (forwardedEmail is not null)
        {
            _client.DefaultRequestHeaders.Add("X-Forwarded-Email", forwardedEmail);
        }
    }

    public async Task<ApiAnswer> GetAsync(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        return await ApiAnswer.ReadAsync(response);
    }

    public async Task<string> GetTextAsync(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>PATCHes <paramref name="json"/>; with <paramref name="withToken"/>, first fetches the antiforgery token (and its cookie) and sends it in its header.</summary>
    public async Task<ApiAnswer> PatchAsync(string path, string json, bool withToken = true, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue(contentType)),
        };
        if (withToken)
        {
            var token = await GetAsync("/api/v1/antiforgery");
            request.Headers.Add(token.Json.GetProperty("header_name").GetString()!, token.Json.GetProperty("token").GetString());
        }

        using var response = await _client.SendAsync(request);
        return await ApiAnswer.ReadAsync(response);
    }

    public void Dispose() => _client.Dispose();
}

/// <summary>An API answer: status, media type and the JSON body (default when the body is not JSON).</summary>
internal sealed record ApiAnswer(HttpStatusCode Status, string? MediaType, JsonElement Json, string Body)
{
    public static async Task<ApiAnswer> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var media = response.Content.Headers.ContentType?.MediaType;
        var json = media is not null && media.Contains("json", StringComparison.Ordinal) ? JsonDocument.Parse(body).RootElement.Clone() : default;
        return new ApiAnswer(response.StatusCode, media, json, body);
    }
}
