using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FleetManager.StandIns.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FleetManager.StandIns.OpenAI;

/// <summary>
/// Stand-in for an OpenAI-compatible <c>POST /v1/chat/completions</c> (google-apis.md §4): checks the
/// bearer key when one is set, answers through <see cref="Answer"/> in the documented shape
/// (<c>choices[].message.content/refusal</c>, <c>finish_reason</c>, <c>usage</c>) and fails through the
/// fault plan (<see cref="RateLimited"/>: 429 with <c>retry-after</c>).
/// </summary>
public sealed class OpenAiStandIn : StandInServer
{
    /// <summary>The bearer key the stand-in accepts; null accepts any request (a local server).</summary>
    public string? ApiKey { get; init; }

    public Func<ModelRequest, ModelAnswer> Answer { get; set; } = _ => ModelAnswer.Other;

    public ConcurrentQueue<ModelRequest> Answered { get; } = new();

    /// <summary>The base URL a client configures (<c>…/v1/</c>).</summary>
    public Uri ApiBase => new(BaseAddress, "v1/");

    public static Fault RateLimited(TimeSpan retryAfter) => new Fault.Status(429,
        """{"error":{"message":"Rate limit reached for requests per min.","type":"requests","param":null,"code":"rate_limit_exceeded"}}""",
        new Dictionary<string, string> { ["retry-after"] = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture) });

    protected override void Map(WebApplication app) => app.MapPost("/v1/chat/completions", HandleAsync);

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        if (ApiKey is not null && request.Headers.Authorization.ToString() != "Bearer " + ApiKey)
        {
            return Json(401, """{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}""");
        }

        var body = await JsonNode.ParseAsync(request.Body).ConfigureAwait(false);
        var messages = body?["messages"]?.AsArray() ?? [];
        var user = messages.FirstOrDefault(m => m?["role"]?.GetValue<string>() == "user");
        var text = new StringBuilder();
        var files = 0;
        if (user?["content"] is JsonValue value)
        {
            text.Append(value.GetValue<string>());
        }
        else if (user?["content"] is JsonArray parts)
        {
            foreach (var part in parts)
            {
                if (part?["type"]?.GetValue<string>() == "text")
                {
                    text.Append(part["text"]!.GetValue<string>());
                }
                else
                {
                    files++;
                }
            }
        }

        var parsed = new ModelRequest(body?["model"]?.GetValue<string>() ?? "", text.ToString(), files,
            body?["response_format"]?["json_schema"]?["schema"] is not null, messages.Count(m => m?["role"]?.GetValue<string>() != "system"), body!);
        Answered.Enqueue(parsed);
        var answer = Answer(parsed);
        var finish = answer.FinishReason switch
        {
            "STOP" => "stop",
            "MAX_TOKENS" => "length",
            _ => "content_filter",
        };
        var message = new JsonObject
        {
            ["role"] = "assistant",
            ["content"] = answer.Refusal is null ? answer.Text : null,
            ["refusal"] = answer.Refusal,
        };
        var response = new JsonObject
        {
            ["id"] = "chatcmpl-" + Guid.NewGuid().ToString("N"),
            ["object"] = "chat.completion",
            ["model"] = parsed.Model,
            ["choices"] = new JsonArray((JsonNode)new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = answer.Refusal is null ? finish : "stop" }),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = answer.PromptTokens,
                ["completion_tokens"] = answer.OutputTokens + answer.ThoughtTokens,
                ["total_tokens"] = answer.PromptTokens + answer.OutputTokens + answer.ThoughtTokens,
            },
        };
        return Json(200, response.ToJsonString());
    }

    private static IResult Json(int status, string body) => Results.Text(body, "application/json; charset=UTF-8", Encoding.UTF8, status);
}
