using System.Text.Json.Nodes;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Llm.Tests.Support;
using FleetManager.StandIns;
using FleetManager.StandIns.Gemini;
using FleetManager.StandIns.Models;

namespace FleetManager.Llm.Tests.Gemini;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the fields through IAsyncLifetime.DisposeAsync.")]
public sealed class GeminiOrderReaderTests : IAsyncLifetime
{
    private const string OrderAnswer = """
        {"classification":"order","orders":[{"request_type":"booking","reference_number":"TO-1","customer":"Alpenland Spedition GmbH",
          "stops":[{"type":"loading","company":null,"address":null,"postal_code":"DE-85386","city":"Eching","country":"Germany","date":"03.01.","time_from":"8:00","time_to":null},
                   {"type":"unloading","company":null,"address":null,"postal_code":"PL 02-672","city":"Warszawa","country":null,"date":null,"time_from":null,"time_to":"12:00"}],
          "cargo_description":null,"weight_kg":"24 t","pallets":33,"loading_meters":null,"vehicle_type":"tautliner","adr":null,
          "temperature_min_c":null,"temperature_max_c":null,"price":{"amount":1450,"currency":"€"},"special_requirements":null,
          "contact":{"name":"Petra Maier","phone":null,"email":null}}]}
        """;

    private readonly GeminiStandIn _standIn = new();
    private ReaderHost _host = null!;

    public async Task InitializeAsync()
    {
        await _standIn.StartAsync();
        _host = new ReaderHost("gemini", _standIn.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _standIn.DisposeAsync();
    }

    [Fact]
    public async Task ReadAsync_OneMessage_MakesOneCallWithSchemaKeyHeaderAndModelInPath()
    {
        _standIn.Answer = _ => ModelAnswer.Json(OrderAnswer);

        await _host.Reader.ReadAsync(TestEmails.Order(), default);

        var request = Assert.Single(_standIn.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1beta/models/gemini-3.8-flash:generateContent", request.PathAndQuery);
        Assert.Equal("stand-in-key", request.Headers["x-goog-api-key"]);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("application/json", body["generationConfig"]!["responseMimeType"]!.GetValue<string>());
        Assert.Equal("OBJECT", body["generationConfig"]!["responseSchema"]!["type"]!.GetValue<string>());
        Assert.Contains("Transportauftrag TO-1", body["contents"]![0]!["parts"]![0]!["text"]!.GetValue<string>());
        Assert.NotNull(body["systemInstruction"]);
    }

    [Fact]
    public async Task ReadAsync_PdfAttachment_SentInlineBeforeTheText()
    {
        var pdf = new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D };
        var email = TestEmails.Order() with { Attachments = [new EmailAttachment("order.pdf", "application/pdf", pdf.Length, "PDF text") { Content = pdf }] };

        await _host.Gemini.ReadAsync(email, default);

        var parts = JsonNode.Parse(Assert.Single(_standIn.Requests).Body)!["contents"]![0]!["parts"]!.AsArray();
        Assert.Equal("application/pdf", parts[0]!["inlineData"]!["mimeType"]!.GetValue<string>());
        Assert.Equal(Convert.ToBase64String(pdf), parts[0]!["inlineData"]!["data"]!.GetValue<string>());
        Assert.NotNull(parts[1]!["text"]);
    }

    [Fact]
    public async Task ReadAsync_AttachmentOverTheInlineLimit_SentAsItsText()
    {
        using var host = new ReaderHost("gemini", _standIn.BaseAddress, new Dictionary<string, string?> { ["Gemini:MaxInlineAttachmentBytes"] = "4" });
        var pdf = new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D };
        var email = TestEmails.Order() with { Attachments = [new EmailAttachment("order.pdf", "application/pdf", pdf.Length, "Ladestelle Eching") { Content = pdf }] };

        await host.Gemini.ReadAsync(email, default);

        var parts = JsonNode.Parse(Assert.Single(_standIn.Requests).Body)!["contents"]![0]!["parts"]!.AsArray();
        var part = Assert.Single(parts);
        Assert.Contains("Ladestelle Eching", part!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReadAsync_Answer_IsNormalisedLikeTheRulesEngine()
    {
        _standIn.Answer = _ => ModelAnswer.Json(OrderAnswer);

        var result = await _host.Reader.ReadAsync(TestEmails.Order(), default);

        Assert.Equal(Classification.Order, result.Classification);
        var order = Assert.Single(result.Orders);
        Assert.Equal(24000m, order.WeightKg);
        Assert.Equal(new Price(1450m, "EUR"), order.Price);
        Assert.Equal(VehicleType.Tautliner, order.VehicleType);
        var loading = order.Stops[0];
        Assert.Equal("85386", loading.PostalCode);
        Assert.Equal("DE", loading.Country);
        // Mail of 28 Dec 2026: "03.01." is next year's.
        Assert.Equal(new DateOnly(2027, 1, 3), loading.Date);
        Assert.Equal(new TimeOnly(8, 0), loading.TimeFrom);
        var unloading = order.Stops[1];
        Assert.Equal("02-672", unloading.PostalCode);
        Assert.Equal("PL", unloading.Country);
        Assert.Equal(new TimeOnly(12, 0), unloading.TimeTo);
    }

    [Fact]
    public async Task ReadAsync_Usage_RecordsTokensOfTheCall()
    {
        _standIn.Answer = _ => ModelAnswer.Json(OrderAnswer) with { PromptTokens = 900, OutputTokens = 150, ThoughtTokens = 50 };

        var result = await _host.Gemini.ReadAsync(TestEmails.Order(), default);

        Assert.Equal(new ModelUsage(1, 900, 200), result.Usage);
    }

    [Fact]
    public async Task ReadAsync_InvalidJsonThenValid_RepairsWithASecondCall()
    {
        _standIn.Answer = r => r.IsRepair ? ModelAnswer.Json(OrderAnswer) : ModelAnswer.Json("""{"classification":"order","orders":[{"stops":[{"type":""");

        var result = await _host.Gemini.ReadAsync(TestEmails.Order(), default);

        Assert.Equal(Classification.Order, result.Classification);
        Assert.Equal(2, _standIn.Requests.Count);
        var repair = _standIn.Answered.Last();
        Assert.Equal(3, repair.Turns);
        Assert.Equal("model", repair.Body["contents"]![1]!["role"]!.GetValue<string>());
        Assert.Equal(2, result.Usage!.Calls);
    }

    [Fact]
    public async Task ReadAsync_SchemaViolationTwice_QuarantinesWithTheProblem()
    {
        _standIn.Answer = _ => ModelAnswer.Json("""{"classification":"maybe","orders":[]}""");

        var ex = await Assert.ThrowsAsync<MessageQuarantinedException>(() => _host.Gemini.ReadAsync(TestEmails.Order(), default).AsTask());

        Assert.Contains("classification must be one of order, invoice, other", ex.Message);
        Assert.Equal(2, _standIn.Requests.Count);
        Assert.Equal(2, ex.Usage!.Calls);
    }

    [Fact]
    public async Task ReadAsync_NumberOutOfRangeTwice_AsksForARepairThenQuarantinesWithThatReason()
    {
        _standIn.Answer = _ => ModelAnswer.Json("""{"classification":"order","orders":[{"weight_kg":1e30,"stops":[]}]}""");

        var ex = await Assert.ThrowsAsync<MessageQuarantinedException>(() => _host.Gemini.ReadAsync(TestEmails.Order(), default).AsTask());

        Assert.Contains("weight_kg is out of range", ex.Message);
        Assert.DoesNotContain("Overflow", ex.Message);
        Assert.Equal(2, _standIn.Requests.Count);
    }

    [Theory]
    [InlineData("SAFETY")]
    [InlineData("RECITATION")]
    [InlineData("PROHIBITED_CONTENT")]
    [InlineData("SOME_FUTURE_REASON")]
    public async Task ReadAsync_StoppedForAReason_QuarantinesNamingIt(string finishReason)
    {
        _standIn.Answer = _ => new ModelAnswer { Text = null, FinishReason = finishReason };

        var ex = await Assert.ThrowsAsync<MessageQuarantinedException>(() => _host.Gemini.ReadAsync(TestEmails.Order(), default).AsTask());

        Assert.Contains("finishReason " + finishReason, ex.Message);
        Assert.Single(_standIn.Requests);
    }

    [Fact]
    public async Task ReadAsync_PromptBlocked_QuarantinesWithTheBlockReason()
    {
        _standIn.Answer = _ => new ModelAnswer { BlockReason = "PROHIBITED_CONTENT" };

        var ex = await Assert.ThrowsAsync<MessageQuarantinedException>(() => _host.Gemini.ReadAsync(TestEmails.Order(), default).AsTask());

        Assert.Contains("blockReason PROHIBITED_CONTENT", ex.Message);
        Assert.Equal(800, ex.Usage!.InputTokens);
    }

    [Fact]
    public async Task ReadAsync_MaxTokensWithoutParts_QuarantinesNamingTheLimit()
    {
        _standIn.Answer = _ => new ModelAnswer { Text = null, FinishReason = "MAX_TOKENS", ThoughtTokens = 16000 };

        var ex = await Assert.ThrowsAsync<MessageQuarantinedException>(() => _host.Gemini.ReadAsync(TestEmails.Order(), default).AsTask());

        Assert.Contains("MAX_TOKENS", ex.Message);
        Assert.Contains("Gemini:MaxOutputTokens", ex.Message);
    }

    [Fact]
    public async Task ReadAsync_TruncatedAnswerThenComplete_RepairsOnce()
    {
        _standIn.Answer = r => r.IsRepair ? ModelAnswer.Json(OrderAnswer) : new ModelAnswer { Text = OrderAnswer[..60], FinishReason = "MAX_TOKENS" };

        var result = await _host.Gemini.ReadAsync(TestEmails.Order(), default);

        Assert.Single(result.Orders);
        Assert.Contains("cut off", _standIn.Answered.Last().Body["contents"]![2]!["parts"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReadAsync_RateLimitedWithRetryInfo_WaitsTheHintedDelayThenSucceeds()
    {
        _standIn.Faults.Enqueue(GeminiStandIn.RateLimited(TimeSpan.FromMilliseconds(300), retryAfterHeader: false));
        _standIn.Answer = _ => ModelAnswer.Json(OrderAnswer);

        var result = await _host.Gemini.ReadAsync(TestEmails.Order(), default);

        Assert.Single(result.Orders);
        var requests = _standIn.Requests.ToArray();
        Assert.Equal([429, null], requests.Select(r => r.FaultStatus));
        // The base backoff is 10 ms: a gap of at least the hinted 300 ms shows the hint was honoured.
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(290), $"retried after {(requests[1].At - requests[0].At).TotalMilliseconds} ms");
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task ReadAsync_ServerErrorOnce_Retries(int status)
    {
        _standIn.Faults.Enqueue(GeminiStandIn.Unavailable(status));
        _standIn.Answer = _ => ModelAnswer.Json(OrderAnswer);

        var result = await _host.Gemini.ReadAsync(TestEmails.Order(), default);

        Assert.Single(result.Orders);
        Assert.Equal(2, _standIn.Requests.Count);
        var retry = Assert.Single(_host.Logs.GetSnapshot(), r => r.Category == "FleetManager.Llm.ModelRequests" && r.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Matches($@"^Gemini did not answer \(HTTP {status}\): retry 1 of 3 in \d+ ms$", retry.Message);
    }

    [Fact]
    public async Task ReadAsync_ConnectionResetOnce_Retries()
    {
        _standIn.Faults.Enqueue(new Fault.Reset());
        _standIn.Answer = _ => ModelAnswer.Json(OrderAnswer);

        var result = await _host.Gemini.ReadAsync(TestEmails.Order(), default);

        Assert.Single(result.Orders);
    }

    [Fact]
    public async Task ReadAsync_ResponseBodyCutShortOnce_Retries()
    {
        _standIn.Faults.Enqueue(new Fault.Truncate());
        _standIn.Answer = _ => ModelAnswer.Json(OrderAnswer);

        var result = await _host.Gemini.ReadAsync(TestEmails.Order(), default);

        Assert.Single(result.Orders);
        Assert.Equal(2, _standIn.Requests.Count);
    }

    [Fact]
    public async Task ReadAsync_ServerErrorEveryTime_StopsTheSourceWithoutQuarantining()
    {
        _standIn.Faults.FailRandomly(1.0, _ => GeminiStandIn.Unavailable());

        var ex = await Assert.ThrowsAsync<ReaderUnavailableException>(() => _host.Gemini.ReadAsync(TestEmails.Order(), default).AsTask());

        Assert.Contains("503", ex.Message);
        Assert.Equal(4, _standIn.Requests.Count);
    }

    [Fact]
    public async Task ReadAsync_DailyQuotaSpent_ThrowsQuotaExhaustedUntilMidnightPacificWithoutRetrying()
    {
        _standIn.Faults.Enqueue(GeminiStandIn.DailyQuotaExhausted());

        var ex = await Assert.ThrowsAsync<ModelQuotaExhaustedException>(() => _host.Gemini.ReadAsync(TestEmails.Order(), default).AsTask());

        Assert.Single(_standIn.Requests);
        Assert.Equal("GenerateRequestsPerDayPerProjectPerModel-FreeTier", ex.QuotaId);
        var pacific = TimeZoneInfo.ConvertTime(ex.ResumeAt, TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"));
        Assert.Equal(TimeSpan.Zero, pacific.TimeOfDay);
        Assert.True(ex.ResumeAt > DateTimeOffset.UtcNow && ex.ResumeAt <= DateTimeOffset.UtcNow.AddDays(1));
    }

    [Fact]
    public async Task ReadAsync_WrongKey_StopsTheSourceAsACredentialFailureNamingTheVariable()
    {
        using var host = new ReaderHost("gemini", _standIn.BaseAddress, new Dictionary<string, string?> { ["Gemini:ApiKey"] = "wrong" });

        // A credential failure (exit 6), not "unavailable" (exit 7): waiting does not fix a wrong key.
        var ex = await Assert.ThrowsAsync<ReaderCredentialException>(() => host.Gemini.ReadAsync(TestEmails.Order(), default).AsTask());

        Assert.Contains("API key", ex.Message);
        Assert.Contains("GEMINI_API_KEY", ex.Fix);
        Assert.DoesNotContain("wrong", ex.Message + ex.Fix);
    }

    [Fact]
    public async Task ReadAsync_RetryTakesARateLimiterPermitToo()
    {
        _standIn.Faults.Enqueue(GeminiStandIn.Unavailable());
        _standIn.Answer = _ => ModelAnswer.Json(OrderAnswer);

        await _host.Gemini.ReadAsync(TestEmails.Order(), default);

        Assert.Equal(2, _host.Limiter("gemini").GetStatistics()!.TotalSuccessfulLeases);
    }
}
