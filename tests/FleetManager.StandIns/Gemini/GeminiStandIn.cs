using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FleetManager.StandIns.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FleetManager.StandIns.Gemini;

/// <summary>
/// Stand-in for the Gemini API's <c>POST /{version}/models/{model}:generateContent</c>
/// (google-apis.md §3): checks the <c>x-goog-api-key</c> header, answers through <see cref="Answer"/>
/// in the documented shape (<c>candidates[].content.parts[].text</c>, <c>finishReason</c>,
/// <c>usageMetadata</c>, <c>promptFeedback.blockReason</c>), and fails as the real API does through the
/// fault plan (<see cref="RateLimited"/>, <see cref="Unavailable"/>, resets, truncated bodies).
/// </summary>
public sealed class GeminiStandIn : StandInServer
{
    /// <summary>The key the stand-in accepts; null accepts any request.</summary>
    public string? ApiKey { get; init; } = "stand-in-key";

    /// <summary>How each request is answered (by default: not an order).</summary>
    public Func<ModelRequest, ModelAnswer> Answer { get; set; } = _ => ModelAnswer.Other;

    /// <summary>Every request the handler answered (after faults), parsed.</summary>
    public ConcurrentQueue<ModelRequest> Answered { get; } = new();

    /// <summary>A 429 RESOURCE_EXHAUSTED with <c>QuotaFailure</c> and <c>RetryInfo</c> (and a <c>Retry-After</c> header).</summary>
    public static Fault RateLimited(TimeSpan retryDelay, string quotaId = "GenerateRequestsPerMinutePerProjectPerModel-FreeTier", bool retryAfterHeader = true)
    {
        var seconds = retryDelay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var body = $$$"""
            {"error":{"code":429,"message":"You exceeded your current quota, please check your plan and billing details.","status":"RESOURCE_EXHAUSTED",
              "details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaMetric":"generativelanguage.googleapis.com/generate_content_free_tier_requests","quotaId":"{{{quotaId}}}","quotaDimensions":{"location":"global","model":"gemini"},"quotaValue":"10"}]},
                         {"@type":"type.googleapis.com/google.rpc.Help","links":[{"description":"Learn more about Gemini API quotas","url":"https://ai.google.dev/gemini-api/docs/rate-limits"}]},
                         {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"{{{seconds}}}s"}]}}
            """;
        var headers = retryAfterHeader
            ? new Dictionary<string, string> { ["Retry-After"] = Math.Ceiling(retryDelay.TotalSeconds).ToString(CultureInfo.InvariantCulture) }
            : null;
        return new Fault.Status(429, body, headers);
    }

    /// <summary>The daily quota is spent: a 429 whose quota id is per day.</summary>
    public static Fault DailyQuotaExhausted() =>
        RateLimited(TimeSpan.FromSeconds(30), "GenerateRequestsPerDayPerProjectPerModel-FreeTier");

    /// <summary>503 UNAVAILABLE "The model is overloaded" (or 500 INTERNAL with <paramref name="code"/> 500).</summary>
    public static Fault Unavailable(int code = 503) => new Fault.Status(code, code == 500
        ? """{"error":{"code":500,"message":"An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting","status":"INTERNAL"}}"""
        : """{"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}""");

    protected override void Map(WebApplication app) =>
        app.MapPost("/{version}/models/{modelAndMethod}", HandleAsync);

    private async Task<IResult> HandleAsync(string version, string modelAndMethod, HttpRequest request)
    {
        if (ApiKey is not null && request.Headers["x-goog-api-key"].ToString() != ApiKey)
        {
            return Json(400, """{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com","metadata":{"service":"generativelanguage.googleapis.com"}}]}}""");
        }

        if (!modelAndMethod.EndsWith(":generateContent", StringComparison.Ordinal))
        {
            return Json(404, """{"error":{"code":404,"message":"Method not found.","status":"NOT_FOUND"}}""");
        }

        var body = await JsonNode.ParseAsync(request.Body).ConfigureAwait(false);
        if (body?["contents"] is not JsonArray contents || contents.Count == 0)
        {
            return Json(400, """{"error":{"code":400,"message":"* GenerateContentRequest.contents: contents is not specified","status":"INVALID_ARGUMENT"}}""");
        }

        var text = new StringBuilder();
        var files = 0;
        foreach (var part in contents[0]!["parts"]!.AsArray())
        {
            if (part!["text"] is { } t)
            {
                text.Append(t.GetValue<string>());
            }

            if (part["inlineData"] is not null)
            {
                files++;
            }
        }

        var parsed = new ModelRequest(modelAndMethod[..modelAndMethod.IndexOf(':', StringComparison.Ordinal)], text.ToString(), files,
            body["generationConfig"]?["responseSchema"] is not null || body["generationConfig"]?["responseJsonSchema"] is not null, contents.Count, body);
        Answered.Enqueue(parsed);
        var answer = Answer(parsed);
        var usage = new JsonObject
        {
            ["promptTokenCount"] = answer.PromptTokens,
            ["candidatesTokenCount"] = answer.OutputTokens,
            ["thoughtsTokenCount"] = answer.ThoughtTokens,
            ["totalTokenCount"] = answer.PromptTokens + answer.OutputTokens + answer.ThoughtTokens,
        };
        var response = new JsonObject { ["usageMetadata"] = usage, ["modelVersion"] = parsed.Model, ["responseId"] = Guid.NewGuid().ToString("N") };
        if (answer.BlockReason is not null)
        {
            response["promptFeedback"] = new JsonObject { ["blockReason"] = answer.BlockReason };
            return Json(200, response.ToJsonString());
        }

        var parts = new JsonArray();
        if (answer.ThoughtTokens > 0)
        {
            parts.Add((JsonNode)new JsonObject { ["text"] = "Thinking about the email...", ["thought"] = true });
        }

        if (answer.Text is not null)
        {
            // Split in two parts: readers must concatenate every part, not take parts[0].
            var half = answer.Text.Length / 2;
            parts.Add((JsonNode)new JsonObject { ["text"] = answer.Text[..half] });
            parts.Add((JsonNode)new JsonObject { ["text"] = answer.Text[half..] });
        }

        var content = new JsonObject { ["role"] = "model" };
        if (parts.Count > 0)
        {
            content["parts"] = parts;
        }

        response["candidates"] = new JsonArray((JsonNode)new JsonObject
        {
            ["content"] = content,
            ["finishReason"] = answer.FinishReason,
            ["index"] = 0,
        });
        return Json(200, response.ToJsonString());
    }

    private static IResult Json(int status, string body) => Results.Text(body, "application/json; charset=UTF-8", Encoding.UTF8, status);
}
