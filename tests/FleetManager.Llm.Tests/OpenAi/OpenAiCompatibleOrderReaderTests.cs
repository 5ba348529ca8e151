using System.Text.Json.Nodes;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Llm.Tests.Support;
using FleetManager.StandIns.Models;
using FleetManager.StandIns.OpenAI;

namespace FleetManager.Llm.Tests.OpenAi;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the fields through IAsyncLifetime.DisposeAsync.")]
public sealed class OpenAiCompatibleOrderReaderTests : IAsyncLifetime
{
    private const string OrderAnswer = """
        {"classification":"order","orders":[{"request_type":"quote_request","reference_number":null,"customer":"Kestrel Polska",
          "stops":[{"type":"loading","company":null,"address":null,"postal_code":"D-80331","city":"München","country":"DE","date":"2027-01-04","time_from":null,"time_to":null},
                   {"type":"unloading","company":null,"address":null,"postal_code":"1000","city":"Sofia","country":"Bulgaria","date":null,"time_from":null,"time_to":null}],
          "cargo_description":null,"weight_kg":22500,"pallets":null,"loading_meters":"13,6","vehicle_type":"reefer","adr":false,
          "temperature_min_c":2,"temperature_max_c":null,"price":null,"special_requirements":null,"contact":null}]}
        """;

    private readonly OpenAiStandIn _standIn = new() { ApiKey = "stand-in-key" };
    private ReaderHost _host = null!;

    public async Task InitializeAsync()
    {
        await _standIn.StartAsync();
        _host = new ReaderHost("openai", _standIn.ApiBase, new Dictionary<string, string?> { ["OpenAI:Model"] = "llama3.1:8b" });
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _standIn.DisposeAsync();
    }

    [Fact]
    public async Task ReadAsync_OneMessage_OneChatCompletionWithStrictSchemaAndBearerKey()
    {
        _standIn.Answer = _ => ModelAnswer.Json(OrderAnswer);

        await _host.Reader.ReadAsync(TestEmails.Order(), default);

        var request = Assert.Single(_standIn.Requests);
        Assert.Equal("/v1/chat/completions", request.PathAndQuery);
        Assert.Equal("Bearer stand-in-key", request.Headers["Authorization"]);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("llama3.1:8b", body["model"]!.GetValue<string>());
        Assert.False(body["stream"]!.GetValue<bool>());
        var format = body["response_format"]!;
        Assert.Equal("json_schema", format["type"]!.GetValue<string>());
        Assert.True(format["json_schema"]!["strict"]!.GetValue<bool>());
        Assert.False(format["json_schema"]!["schema"]!["additionalProperties"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ReadAsync_Answer_NormalisedAndUsageRecorded()
    {
        _standIn.Answer = _ => ModelAnswer.Json(OrderAnswer) with { PromptTokens = 1000, OutputTokens = 300 };

        var result = await _host.OpenAi.ReadAsync(TestEmails.Order(), default);

        var order = Assert.Single(result.Orders);
        Assert.Equal(RequestType.QuoteRequest, order.RequestType);
        Assert.Equal("80331", order.Stops[0].PostalCode);
        Assert.Equal("BG", order.Stops[1].Country);
        Assert.Equal(13.6m, order.LoadingMeters);
        Assert.Equal(2m, order.TemperatureMinC);
        Assert.Equal(2m, order.TemperatureMaxC);
        Assert.Null(order.Price);
        Assert.Equal(new ModelUsage(1, 1000, 300), result.Usage);
    }

    [Fact]
    public async Task ReadAsync_Refusal_QuarantinesWithTheRefusal()
    {
        _standIn.Answer = _ => new ModelAnswer { Refusal = "I can't help with that." };

        var ex = await Assert.ThrowsAsync<MessageQuarantinedException>(() => _host.OpenAi.ReadAsync(TestEmails.Order(), default).AsTask());

        Assert.Contains("refused: I can't help with that.", ex.Message);
    }

    [Fact]
    public async Task ReadAsync_ContentFilter_Quarantines()
    {
        _standIn.Answer = _ => new ModelAnswer { Text = null, FinishReason = "SAFETY" };

        var ex = await Assert.ThrowsAsync<MessageQuarantinedException>(() => _host.OpenAi.ReadAsync(TestEmails.Order(), default).AsTask());

        Assert.Contains("content_filter", ex.Message);
    }

    [Fact]
    public async Task ReadAsync_LengthCutThenValid_RepairsWithASecondCall()
    {
        _standIn.Answer = r => r.IsRepair ? ModelAnswer.Json(OrderAnswer) : new ModelAnswer { Text = OrderAnswer[..80], FinishReason = "MAX_TOKENS" };

        var result = await _host.OpenAi.ReadAsync(TestEmails.Order(), default);

        Assert.Single(result.Orders);
        var repair = _standIn.Answered.Last();
        Assert.Equal("assistant", repair.Body["messages"]![2]!["role"]!.GetValue<string>());
        Assert.Equal(2, result.Usage!.Calls);
    }

    [Fact]
    public async Task ReadAsync_RateLimitedWithRetryAfter_RetriesAndSucceeds()
    {
        _standIn.Faults.Enqueue(OpenAiStandIn.RateLimited(TimeSpan.FromSeconds(1)));
        _standIn.Answer = _ => ModelAnswer.Json(OrderAnswer);

        var result = await _host.OpenAi.ReadAsync(TestEmails.Order(), default);

        Assert.Single(result.Orders);
        var requests = _standIn.Requests.ToArray();
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(990));
    }

    [Fact]
    public async Task ReadAsync_LocalServerWithoutKey_SendsNoAuthorization()
    {
        await using var local = new OpenAiStandIn();
        await local.StartAsync();
        using var host = new ReaderHost("openai", local.ApiBase, new Dictionary<string, string?> { ["OpenAI:ApiKey"] = null });

        await host.OpenAi.ReadAsync(TestEmails.Order(), default);

        Assert.False(Assert.Single(local.Requests).Headers.ContainsKey("Authorization"));
    }
}
