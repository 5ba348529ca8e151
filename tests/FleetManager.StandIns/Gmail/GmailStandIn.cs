using System.Buffers.Text;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FleetManager.StandIns.Gmail;

// Why one file of ~440 lines: the stand-in is one fake server whose endpoints share one mailbox state (messages,
// history ids, labels) under one lock; each endpoint is a few lines of the documented request and answer.
/// <summary>
/// Stand-in for the Gmail API v1 (google-apis.md §1): <c>profile</c>, <c>messages.list</c> (newest first,
/// paged, <c>q</c> with the terms <see cref="GmailSearch"/> reproduces — any other term is a 400, so a query
/// the stand-in cannot judge fails the test instead of matching everything), <c>messages.get?format=raw</c>
/// (base64url without padding), <c>history.list</c> (messageAdded records, paged, ids as strings, <c>historyTypes</c>
/// checked; 404 for a start id older than <see cref="OldestHistoryId"/> or 0), <c>users/{user}</c> only for
/// <c>me</c> or <see cref="EmailAddress"/> (403 otherwise), <c>labels</c> list/create (409 on a taken name)
/// <c>messages.modify</c> and <c>messages.batchModify</c>. Requests without a bearer token get 401; with a <see cref="TokenIssuer"/>, so do tokens it did not issue or has expired (403 for a token without a Gmail scope). Every request is recorded.
/// </summary>
public sealed class GmailStandIn : StandInServer
{
    private readonly Lock _lock = new();
    private readonly List<GmailStandInMessage> _messages = [];
    private readonly List<(ulong Id, GmailStandInMessage Message)> _history = [];
    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal)
    {
        ["INBOX"] = "INBOX", ["UNREAD"] = "UNREAD", ["SENT"] = "SENT", ["DRAFT"] = "DRAFT",
    };
    private ulong _historyId = 1000;
    private int _nextId = 0x18c0_0000;
    private int _nextLabel = 1;

    /// <summary>The oldest start id history.list still accepts (older: 404, as after about a week).</summary>
    public ulong OldestHistoryId { get; set; } = 1;

    /// <summary>Page size cap for messages.list and history.list, to force paging in tests.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>The address <c>profile</c> reports.</summary>
    public string EmailAddress { get; set; } = "dispatch@example.com";

    /// <summary>The mailbox's current historyId.</summary>
    public ulong CurrentHistoryId
    {
        get
        {
            lock (_lock)
            {
                return _historyId;
            }
        }
    }

    /// <summary>Delivers a message (INBOX, UNREAD unless other labels are given); returns its id.</summary>
    public string Deliver(byte[] raw, DateTimeOffset receivedAt, params string[] labelIds)
    {
        lock (_lock)
        {
            // History ids increase but are not contiguous.
            _historyId += 3;
            var message = new GmailStandInMessage((_nextId++).ToString("x16", CultureInfo.InvariantCulture), raw, receivedAt, _historyId,
                labelIds.Length == 0 ? ["INBOX", "UNREAD"] : labelIds);
            _messages.Add(message);
            _history.Add((_historyId, message));
            return message.Id;
        }
    }

    public void Delete(string id)
    {
        lock (_lock)
        {
            _messages.Single(m => m.Id == id).Deleted = true;
            _historyId += 1;
        }
    }

    /// <summary>The label names on a message (ids translated back to names).</summary>
    public IReadOnlySet<string> LabelNamesOf(string id)
    {
        lock (_lock)
        {
            var byId = _labels.ToDictionary(l => l.Value, l => l.Key, StringComparer.Ordinal);
            return _messages.Single(m => m.Id == id).LabelIds.Select(l => byId.GetValueOrDefault(l, l)).ToHashSet(StringComparer.Ordinal);
        }
    }

    /// <summary>Creates a user label directly (as if made in the Gmail UI); returns its id.</summary>
    public string CreateLabel(string name)
    {
        lock (_lock)
        {
            var id = "Label_" + _nextLabel++;
            _labels[name] = id;
            return id;
        }
    }

    /// <summary>Requests whose path (after <c>/gmail/v1/users/{user}/</c>) starts with <paramref name="call"/>, e.g. <c>history</c>, <c>messages/</c>.</summary>
    public int CountCalls(string method, string call) =>
        Requests.Count(r => r.Method == method && CallOf(r.PathAndQuery).StartsWith(call, StringComparison.Ordinal));

    private static string CallOf(string pathAndQuery)
    {
        var path = pathAndQuery.Split('?')[0];
        var parts = path.Split('/', 6);
        return parts.Length == 6 ? parts[5] + (pathAndQuery.Contains('?', StringComparison.Ordinal) ? "?" + pathAndQuery.Split('?', 2)[1] : "") : path;
    }

    /// <summary>
    /// The OAuth stand-in whose live tokens alone are accepted (as Google accepts only tokens it issued, until
    /// they expire); without one, any non-empty bearer token is taken.
    /// </summary>
    public OAuth.OAuthTokenStandIn? TokenIssuer { get; set; }

    private (int Status, string Message)? BearerRefusal(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (TokenIssuer is null)
        {
            return authorization.StartsWith("Bearer ", StringComparison.Ordinal) && authorization.Length > "Bearer ".Length
                ? null
                : (401, "Invalid Credentials");
        }

        // Reading needs any Gmail scope; changing labels needs modify (or full access).
        string[] scopes = HttpMethods.IsGet(context.Request.Method)
            ? ["https://mail.google.com/", "https://www.googleapis.com/auth/gmail.modify", "https://www.googleapis.com/auth/gmail.readonly"]
            : ["https://mail.google.com/", "https://www.googleapis.com/auth/gmail.modify"];
        return TokenIssuer.Check(authorization, scopes) is { } refusal
            ? (refusal.Status, refusal.Status == 401 ? "Invalid Credentials" : refusal.Message)
            : null;
    }

    protected override void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (BearerRefusal(context) is { } refusal)
            {
                await WriteErrorAsync(context, refusal.Status, refusal.Status == 401 ? "authError" : "insufficientPermissions", refusal.Message).ConfigureAwait(false);
                return;
            }

            // users/{user}: "me" or the mailbox's own address; anyone else's mailbox is refused, as Gmail does.
            var user = Uri.UnescapeDataString(context.Request.Path.Value?.Split('/') is [_, "gmail", "v1", "users", var segment, ..] ? segment : "me");
            if (user != "me" && !user.Equals(EmailAddress, StringComparison.OrdinalIgnoreCase))
            {
                await WriteErrorAsync(context, 403, "forbidden", "Delegation denied for " + EmailAddress).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
        const string root = "/gmail/v1/users/{user}/";
        app.MapGet(root + "profile", Profile);
        app.MapGet(root + "messages", ListMessages);
        app.MapGet(root + "messages/{id}", GetMessage);
        app.MapPost(root + "messages/{id}/modify", ModifyAsync);
        app.MapPost(root + "messages/batchModify", (Func<HttpContext, Task<IResult>>)BatchModifyAsync);
        app.MapGet(root + "history", ListHistory);
        app.MapGet(root + "labels", ListLabels);
        app.MapPost(root + "labels", (Func<HttpContext, Task<IResult>>)CreateLabelAsync);
    }

    private IResult Profile()
    {
        lock (_lock)
        {
            return Json(new JsonObject
            {
                ["emailAddress"] = EmailAddress,
                ["messagesTotal"] = _messages.Count(m => !m.Deleted),
                ["threadsTotal"] = _messages.Count(m => !m.Deleted),
                ["historyId"] = _historyId.ToString(CultureInfo.InvariantCulture),
            });
        }
    }

    private IResult ListMessages(HttpContext context)
    {
        var query = context.Request.Query;
        var q = query["q"].ToString();
        var max = Math.Min(PageSize, int.TryParse(query["maxResults"], out var m) ? m : 100);
        var offset = int.TryParse(query["pageToken"], out var o) ? o : 0;
        if (GmailSearch.Parse(q) is not { } search)
        {
            return Error(400, "invalidArgument", "The stand-in does not reproduce every Gmail search term: " + q);
        }

        lock (_lock)
        {
            var names = _labels.ToDictionary(l => l.Value, l => l.Key, StringComparer.Ordinal);
            var matches = _messages
                .Where(x => !x.Deleted && search.Matches(x, names))
                .OrderByDescending(x => x.InternalDate).ThenByDescending(x => x.HistoryId)
                .ToList();
            var body = new JsonObject { ["resultSizeEstimate"] = matches.Count };
            var page = matches.Skip(offset).Take(max).ToList();
            if (page.Count > 0)
            {
                body["messages"] = new JsonArray(page.Select(x => (JsonNode)new JsonObject { ["id"] = x.Id, ["threadId"] = x.Id }).ToArray());
            }

            if (offset + max < matches.Count)
            {
                body["nextPageToken"] = (offset + max).ToString(CultureInfo.InvariantCulture);
            }

            return Json(body);
        }
    }

    private IResult GetMessage(string id, HttpContext context)
    {
        lock (_lock)
        {
            var message = _messages.SingleOrDefault(x => x.Id == id && !x.Deleted);
            if (message is null)
            {
                return NotFound();
            }

            var body = MessageJson(message);
            if (context.Request.Query["format"] == "raw")
            {
                body["raw"] = Base64Url.EncodeToString(message.Raw); // base64url, no padding
                body["sizeEstimate"] = message.Raw.Length;
            }

            return Json(body);
        }
    }

    private async Task<IResult> ModifyAsync(string id, HttpContext context)
    {
        var request = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted).ConfigureAwait(false))!;
        lock (_lock)
        {
            var message = _messages.SingleOrDefault(x => x.Id == id && !x.Deleted);
            if (message is null)
            {
                return NotFound();
            }

            foreach (var label in request["addLabelIds"]?.AsArray() ?? [])
            {
                var labelId = label!.GetValue<string>();
                if (!_labels.ContainsValue(labelId))
                {
                    return Error(400, "invalidArgument", "Invalid label: " + labelId);
                }

                message.LabelIds.Add(labelId);
            }

            foreach (var label in request["removeLabelIds"]?.AsArray() ?? [])
            {
                message.LabelIds.Remove(label!.GetValue<string>());
            }

            _historyId += 1;
            return Json(MessageJson(message));
        }
    }

    /// <summary>
    /// <c>messages.batchModify</c> (google-apis.md §1): <c>{ids, addLabelIds, removeLabelIds}</c>, at most 1,000 ids,
    /// label ids (not names); answers 204 with an empty body. Ids of deleted messages are passed over.
    /// </summary>
    private async Task<IResult> BatchModifyAsync(HttpContext context)
    {
        var request = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted).ConfigureAwait(false))!;
        var ids = request["ids"]?.AsArray().Select(i => i!.GetValue<string>()).ToList() ?? [];
        if (ids.Count == 0)
        {
            return Error(400, "invalidArgument", "ids must not be empty");
        }

        if (ids.Count > 1000)
        {
            return Error(400, "invalidArgument", "Too many ids: at most 1000 per request");
        }

        lock (_lock)
        {
            var add = request["addLabelIds"]?.AsArray().Select(l => l!.GetValue<string>()).ToList() ?? [];
            var unknown = add.FirstOrDefault(l => !_labels.ContainsValue(l));
            if (unknown is not null)
            {
                return Error(400, "invalidArgument", "Invalid label: " + unknown);
            }

            var remove = request["removeLabelIds"]?.AsArray().Select(l => l!.GetValue<string>()).ToList() ?? [];
            foreach (var message in _messages.Where(m => !m.Deleted && ids.Contains(m.Id)))
            {
                message.LabelIds.UnionWith(add);
                foreach (var label in remove)
                {
                    message.LabelIds.Remove(label);
                }
            }

            _historyId += 1;
            return Results.NoContent();
        }
    }

    private IResult ListHistory(HttpContext context)
    {
        var query = context.Request.Query;
        if (!ulong.TryParse(query["startHistoryId"], out var start) || start == 0)
        {
            return NotFound();
        }

        var labelId = query["labelId"].ToString();
        string[] knownTypes = ["messageAdded", "messageDeleted", "labelAdded", "labelRemoved"];
        var types = query["historyTypes"].Select(t => t ?? "").ToList();
        if (types.FirstOrDefault(t => !knownTypes.Contains(t, StringComparer.Ordinal)) is { } unknownType)
        {
            return Error(400, "invalidArgument", $"Invalid value at 'history_types' (type.googleapis.com/gmail.HistoryType), \"{unknownType}\"");
        }

        // This mailbox records additions only: asking for other types alone finds none.
        var additionsAsked = types.Count == 0 || types.Contains("messageAdded");
        var max = Math.Min(PageSize, int.TryParse(query["maxResults"], out var m) ? m : 100);
        var offset = int.TryParse(query["pageToken"], out var o) ? o : 0;
        lock (_lock)
        {
            if (start < OldestHistoryId)
            {
                return NotFound();
            }

            var records = _history.Where(h => additionsAsked && h.Id > start && (labelId.Length == 0 || h.Message.LabelIds.Contains(labelId))).ToList();
            var page = records.Skip(offset).Take(max).ToList();
            var body = new JsonObject();
            if (page.Count > 0)
            {
                body["history"] = new JsonArray(page.Select(h => (JsonNode)new JsonObject
                {
                    ["id"] = h.Id.ToString(CultureInfo.InvariantCulture),
                    ["messages"] = new JsonArray(new JsonObject { ["id"] = h.Message.Id, ["threadId"] = h.Message.Id }),
                    ["messagesAdded"] = new JsonArray(new JsonObject { ["message"] = MessageJson(h.Message) }),
                }).ToArray());
            }

            if (offset + max < records.Count)
            {
                body["nextPageToken"] = (offset + max).ToString(CultureInfo.InvariantCulture);
            }

            body["historyId"] = _historyId.ToString(CultureInfo.InvariantCulture);
            return Json(body);
        }
    }

    private IResult ListLabels()
    {
        lock (_lock)
        {
            return Json(new JsonObject
            {
                ["labels"] = new JsonArray(_labels.Select(l => (JsonNode)new JsonObject
                {
                    ["id"] = l.Value, ["name"] = l.Key, ["type"] = l.Key == l.Value ? "system" : "user",
                }).ToArray()),
            });
        }
    }

    private async Task<IResult> CreateLabelAsync(HttpContext context)
    {
        var request = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted).ConfigureAwait(false))!;
        var name = request["name"]?.GetValue<string>() ?? "";
        lock (_lock)
        {
            if (_labels.ContainsKey(name))
            {
                return Error(409, "failedPrecondition", "Label name exists or conflicts");
            }

            var id = "Label_" + _nextLabel++;
            _labels[name] = id;
            return Json(new JsonObject { ["id"] = id, ["name"] = name, ["type"] = "user", ["labelListVisibility"] = "labelShow", ["messageListVisibility"] = "show" });
        }
    }

    private static JsonObject MessageJson(GmailStandInMessage message) => new()
    {
        ["id"] = message.Id,
        ["threadId"] = message.Id,
        ["labelIds"] = new JsonArray(message.LabelIds.Select(l => (JsonNode)JsonValue.Create(l)!).ToArray()),
        ["historyId"] = message.HistoryId.ToString(CultureInfo.InvariantCulture),
        ["internalDate"] = message.InternalDate.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
    };

    private static IResult Json(JsonObject body) => Results.Content(body.ToJsonString(), "application/json; charset=UTF-8");

    private static IResult NotFound() => Error(404, "notFound", "Requested entity was not found.", "NOT_FOUND");

    private static IResult Error(int code, string reason, string message, string? status = null)
    {
        var error = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["domain"] = "global", ["reason"] = reason }),
        };
        if (status is not null)
        {
            error["status"] = status;
        }

        return Results.Content(new JsonObject { ["error"] = error }.ToJsonString(), "application/json; charset=UTF-8", null, code);
    }

    private static async Task WriteErrorAsync(HttpContext context, int code, string reason, string message)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json; charset=UTF-8";
        var body = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code, ["message"] = message,
                ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["domain"] = "global", ["reason"] = reason, ["location"] = "Authorization" }),
            },
        };
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The Gmail 403 rate-limit answer (retried like a 429).</summary>
    public static Fault UserRateLimitExceeded { get; } = new Fault.Status(403,
        """{"error":{"code":403,"message":"User Rate Limit Exceeded","errors":[{"domain":"usageLimits","reason":"userRateLimitExceeded","message":"User Rate Limit Exceeded"}]}}""");

    /// <summary>A 429 with <c>Retry-After: 1</c>.</summary>
    public static Fault TooManyRequests { get; } = new Fault.Status(429,
        """{"error":{"code":429,"message":"Too many concurrent requests for user","status":"RESOURCE_EXHAUSTED"}}""",
        new Dictionary<string, string> { ["Retry-After"] = "1" });

    /// <summary>A 503 backendError.</summary>
    public static Fault BackendError { get; } = new Fault.Status(503,
        """{"error":{"code":503,"message":"The service is currently unavailable.","errors":[{"domain":"global","reason":"backendError","message":"The service is currently unavailable."}],"status":"UNAVAILABLE"}}""");
}
