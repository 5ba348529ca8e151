using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;

namespace FleetManager.Google.Gmail;

/// <summary>
/// The Gmail v1 REST calls FleetManager makes (a typed client: retries, the bearer token and body buffering
/// are handlers around its <see cref="HttpClient"/>). Every call is charged to <see cref="GmailQuotaMeter"/>.
/// Not-found answers that the caller handles are returned as null/false; other refusals throw
/// <see cref="GmailApiException"/>; transient failures left after the retries throw <see cref="HttpRequestException"/>.
/// </summary>
internal sealed class GmailClient(HttpClient http, IOptions<GmailOptions> options, GmailQuotaMeter quota)
{
    private readonly string _userPath = "gmail/v1/users/" + Uri.EscapeDataString(options.Value.User) + "/";

    public async Task<GmailProfile> GetProfileAsync(CancellationToken cancellationToken)
    {
        quota.Add("getProfile", 1);
        return (await GetAsync("profile", GmailJsonContext.Default.GmailProfile, notFoundIsNull: false, cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<GmailMessageList> ListMessagesAsync(string query, int maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        quota.Add("messages.list", 5);
        var uri = "messages?q=" + Uri.EscapeDataString(query) + "&maxResults=" + maxResults.ToString(CultureInfo.InvariantCulture)
            + (pageToken is null ? "" : "&pageToken=" + Uri.EscapeDataString(pageToken));
        return (await GetAsync(uri, GmailJsonContext.Default.GmailMessageList, notFoundIsNull: false, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>The message in <c>format=raw</c>, or null when it no longer exists (deleted since it was listed).</summary>
    public Task<GmailRawMessage?> GetRawMessageAsync(string id, CancellationToken cancellationToken)
    {
        quota.Add("messages.get", 5);
        return GetAsync("messages/" + Uri.EscapeDataString(id) + "?format=raw", GmailJsonContext.Default.GmailRawMessage, notFoundIsNull: true, cancellationToken);
    }

    /// <summary>One page of <c>messageAdded</c> history in the inbox since <paramref name="startHistoryId"/>; null when Gmail no longer has that id (404: full sync).</summary>
    public Task<GmailHistoryList?> ListHistoryAsync(string startHistoryId, string? pageToken, CancellationToken cancellationToken)
    {
        quota.Add("history.list", 2);
        var uri = "history?startHistoryId=" + Uri.EscapeDataString(startHistoryId) + "&historyTypes=messageAdded&labelId=INBOX&maxResults=500"
            + (pageToken is null ? "" : "&pageToken=" + Uri.EscapeDataString(pageToken));
        return GetAsync(uri, GmailJsonContext.Default.GmailHistoryList, notFoundIsNull: true, cancellationToken);
    }

    public async Task<IReadOnlyList<GmailLabel>> ListLabelsAsync(CancellationToken cancellationToken)
    {
        quota.Add("labels.list", 1);
        var list = await GetAsync("labels", GmailJsonContext.Default.GmailLabelList, notFoundIsNull: false, cancellationToken).ConfigureAwait(false);
        return list?.Labels ?? [];
    }

    /// <summary>Creates a visible label; null when one of that name exists already (409: list again).</summary>
    public async Task<GmailLabel?> CreateLabelAsync(string name, CancellationToken cancellationToken)
    {
        quota.Add("labels.create", 5);
        using var content = JsonContent.Create(new GmailLabel(null, name, "labelShow", "show"), GmailJsonContext.Default.GmailLabel);
        using var response = await http.PostAsync(_userPath + "labels", content, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }

        await EnsureSuccessAsync(response, "labels.create").ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync(GmailJsonContext.Default.GmailLabel, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds and removes labels; false when the message no longer exists.</summary>
    public async Task<bool> ModifyAsync(string id, IReadOnlyList<string> add, IReadOnlyList<string> remove, CancellationToken cancellationToken)
    {
        quota.Add("messages.modify", 5);
        using var content = JsonContent.Create(new GmailModifyRequest(add, remove), GmailJsonContext.Default.GmailModifyRequest);
        using var response = await http.PostAsync(_userPath + "messages/" + Uri.EscapeDataString(id) + "/modify", content, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, "messages.modify").ConfigureAwait(false);
        return true;
    }

    /// <summary>The most ids one <c>messages.batchModify</c> takes (Google's limit).</summary>
    public const int MaxBatchModifyIds = 1000;

    /// <summary>
    /// Adds and removes labels on up to <see cref="MaxBatchModifyIds"/> messages in ONE request (50 quota units,
    /// where a modify per message costs 5 each; Gmail answers with an empty body). Ids of messages deleted
    /// meanwhile are passed over by Gmail.
    /// </summary>
    public async Task BatchModifyAsync(IReadOnlyList<string> ids, IReadOnlyList<string> add, IReadOnlyList<string> remove, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ids.Count, MaxBatchModifyIds);
        quota.Add("messages.batchModify", 50);
        using var content = JsonContent.Create(new GmailBatchModifyRequest(ids, add, remove), GmailJsonContext.Default.GmailBatchModifyRequest);
        // Buffered, so the request goes out with a Content-Length in one write instead of chunked in several.
        await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        using var response = await http.PostAsync(_userPath + "messages/batchModify", content, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "messages.batchModify").ConfigureAwait(false);
    }

    private async Task<T?> GetAsync<T>(string relative, JsonTypeInfo<T> type, bool notFoundIsNull, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await http.GetAsync(_userPath + relative, cancellationToken).ConfigureAwait(false);
        if (notFoundIsNull && response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, relative.Split('?', '/')[0]).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false)
            ?? throw new HttpRequestException($"Gmail answered {relative.Split('?')[0]} with an empty body.");
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string call)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = response.StatusCode;
        var reason = await GmailTransientFailures.ReadReasonAsync(response).ConfigureAwait(false);
        var code = (int)status;
        if (code is 408 or 429 or >= 500 || reason is "rateLimitExceeded" or "userRateLimitExceeded" or "dailyLimitExceeded")
        {
            // Still failing after every retry: the poll stops and the next one tries again.
            throw new HttpRequestException($"Gmail {call} still fails after retries ({code} {reason}); the next poll tries again.", null, status);
        }

        var fix = (status, reason) switch
        {
            (HttpStatusCode.Unauthorized, _) => "The access token was refused: run 'fleetmanager auth google' again (docs/gmail.md).",
            (HttpStatusCode.Forbidden, "domainPolicy") => "A Workspace administrator blocks this app: ask them to allow it (Admin console › Security › API controls).",
            (HttpStatusCode.Forbidden, "insufficientPermissions" or "ACCESS_TOKEN_SCOPE_INSUFFICIENT") =>
                "The grant lacks the gmail.modify scope (needed for labels and mark-read): run 'fleetmanager auth google' again, or set Gmail:ApplyLabels=false and Gmail:MarkRead=false.",
            (HttpStatusCode.Forbidden, _) => "Enable the Gmail API for the Cloud project and check the account's access (docs/gmail.md).",
            (HttpStatusCode.NotFound, _) => "Check Gmail:User (the mailbox address, or 'me').",
            _ => "Check the Gmail settings (docs/configuration.md).",
        };
        throw new GmailApiException(status, reason, $"Gmail refused {call} ({code} {reason}).", fix);
    }
}
