using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FleetManager.Core.Json;
using FleetManager.Dashboard.Tests.Support;
using Xunit;

namespace FleetManager.Dashboard.Tests.Api;

/// <summary>
/// <c>/api/v1</c> read by a script over HTTP from the real <c>fleetmanager serve</c> of the shared order book (samples
/// and the dev corpus), and the refusals of a change: no token, a viewer, nobody signed in. Nothing here changes the book.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ApiEndpointsTests(DashboardFixture fixture)
{
    private const string SampleReference = "HLF/26/4471";

    /// <summary>The spec's Order fields (order-format.md), and the extension the reader's confidence is written as.</summary>
    private static readonly string[] SpecOrderFields =
    [
        "request_type", "reference_number", "customer", "stops", "cargo_description", "weight_kg", "pallets", "loading_meters",
        "vehicle_type", "adr", "temperature_min_c", "temperature_max_c", "price", "special_requirements", "contact",
    ];

    private static readonly string[] SpecStopFields =
        ["type", "company", "address", "postal_code", "city", "country", "date", "time_from", "time_to", "latitude", "longitude"];

    /// <summary>What the sample order's status may be while the shared book's other tests run (one of them marks orders reviewed).</summary>
    private static readonly string[] ReadableStatuses = ["new", "reviewed"];

    [Fact]
    public async Task ListOrders_PagedByTheCursor_ContinuesAfterTheLastRowWithoutRepeats()
    {
        using var api = new ApiSession(fixture.LoopbackUrl);
        var first = await api.GetAsync("/api/v1/orders?limit=3");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("application/json", first.MediaType);
        var firstIds = Ids(first.Json);
        Assert.Equal(3, firstIds.Count);
        Assert.True(first.Json.GetProperty("total").GetInt64() > 6);
        var cursor = first.Json.GetProperty("next_cursor").GetString();
        Assert.False(string.IsNullOrEmpty(cursor));

        var second = await api.GetAsync("/api/v1/orders?limit=3&after=" + Uri.EscapeDataString(cursor!));
        var secondIds = Ids(second.Json);
        Assert.Equal(3, secondIds.Count);
        Assert.All(secondIds, id => Assert.True(id > firstIds.Max()));
        Assert.Equal(first.Json.GetProperty("total").GetInt64(), second.Json.GetProperty("total").GetInt64());

        // The same view sorted the other way starts where the ascending one ends.
        var descending = await api.GetAsync("/api/v1/orders?limit=1&dir=desc");
        var all = await api.GetAsync("/api/v1/orders?limit=500");
        Assert.Equal(Ids(all.Json).Max(), Ids(descending.Json).Single());
    }

    [Fact]
    public async Task ListOrders_WithTheOrdersPageFilters_AnswersOnlyTheMatchingOrders()
    {
        using var api = new ApiSession(fixture.LoopbackUrl);
        var search = await api.GetAsync("/api/v1/orders?q=" + Uri.EscapeDataString(SampleReference));
        Assert.Equal(1, search.Json.GetProperty("total").GetInt64());
        var row = search.Json.GetProperty("rows")[0];
        Assert.Equal(SampleReference, row.GetProperty("order").GetProperty("reference_number").GetString());
        Assert.True(row.GetProperty("message_id").GetInt64() > 0);
        Assert.Equal(JsonValueKind.Null, search.Json.GetProperty("next_cursor").ValueKind);

        var booking = await api.GetAsync("/api/v1/orders?type=booking&limit=500");
        var bookings = booking.Json.GetProperty("rows").EnumerateArray().ToList();
        Assert.NotEmpty(bookings);
        Assert.All(bookings, r => Assert.Equal("booking", r.GetProperty("order").GetProperty("request_type").GetString()));

        var lane = await api.GetAsync("/api/v1/orders?lane=DE-&limit=500");
        Assert.All(lane.Json.GetProperty("rows").EnumerateArray(), r =>
            Assert.Equal("DE", r.GetProperty("order").GetProperty("stops").EnumerateArray().First(s => s.GetProperty("type").GetString() == "loading").GetProperty("country").GetString()));
        var everything = await api.GetAsync("/api/v1/orders?limit=1");
        Assert.InRange(lane.Json.GetProperty("total").GetInt64(), 1, everything.Json.GetProperty("total").GetInt64() - 1);
    }

    [Fact]
    public async Task ListOrders_WithABadLimit_AnswersAProblemNamingIt()
    {
        using var api = new ApiSession(fixture.LoopbackUrl);
        var answer = await api.GetAsync("/api/v1/orders?limit=100000");
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal("limit", answer.Json.GetProperty("field").GetString());
        Assert.Equal(400, answer.Json.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("from=2026-12-1", "from", "from: expected a date as YYYY-MM-DD, not '2026-12-1'.")]
    [InlineData("to=yesterday", "to", "to: expected a date as YYYY-MM-DD, not 'yesterday'.")]
    [InlineData("type=bookings", "type", "type: expected booking, quote_request or load_offer, not 'bookings'.")]
    [InlineData("status=new,shipped", "status", "status: 'shipped' is not one of new, reviewed, assigned, in_transit, delivered, cancelled.")]
    [InlineData("sort=price", "sort", "sort: expected one of id, reference_number, customer, loading_date, unloading_date, weight_kg, not 'price'.")]
    [InlineData("dir=up", "dir", "dir: expected asc or desc, not 'up'.")]
    [InlineData("below=2", "below", "below: expected a confidence above 0 and at most 1, not '2'.")]
    [InlineData("after=zzz", "after", "after: expected the next_cursor of the previous page, unchanged.")]
    public async Task ListOrders_AFilterItCannotRead_AnswersAProblemNamingItInsteadOfEveryOrder(string parameter, string field, string detail)
    {
        using var api = new ApiSession(fixture.LoopbackUrl);

        var answer = await api.GetAsync("/api/v1/orders?" + parameter);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(field, answer.Json.GetProperty("field").GetString());
        Assert.Equal(detail, answer.Json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ListOrders_EmptyParameters_AreLeftOutNotRefused()
    {
        using var api = new ApiSession(fixture.LoopbackUrl);

        var answer = await api.GetAsync("/api/v1/orders?from=&to=&type=&sort=&dir=&below=&after=&limit=1");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task GetOrder_ASampleOrder_AnswersTheSpecShapeWithConfidenceEvidenceAndAudit()
    {
        using var api = new ApiSession(fixture.LoopbackUrl);
        var id = await IdOfAsync(api, SampleReference);
        var answer = await api.GetAsync($"/api/v1/orders/{id}");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var document = answer.Json;
        Assert.Equal(id, document.GetProperty("id").GetInt64());
        var order = document.GetProperty("order");
        Assert.Equal(SpecOrderFields.Order(StringComparer.Ordinal), order.EnumerateObject().Select(p => p.Name).Where(n => n != "x_confidence").Order(StringComparer.Ordinal));
        Assert.All(order.GetProperty("stops").EnumerateArray(), stop =>
            Assert.Equal(SpecStopFields.Order(StringComparer.Ordinal), stop.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)));

        // Written exactly as the interchange format's own writer (extract --format jsonl) writes the same order.
        var asSpec = JsonSerializer.Deserialize(order.GetRawText(), FleetManagerJsonContext.Compact.TransportOrder)!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(order.GetRawText()), JsonNode.Parse(JsonSerializer.Serialize(asSpec, FleetManagerJsonContext.Compact.TransportOrder))));

        Assert.InRange(document.GetProperty("confidence").GetProperty("order").GetDouble(), 0, 1);
        var evidence = document.GetProperty("evidence").GetProperty("reference_number");
        Assert.Contains(SampleReference, evidence.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(evidence.GetProperty("length").GetInt32() > 0);
        Assert.Equal(JsonValueKind.Array, document.GetProperty("corrections").ValueKind);
        Assert.Contains(document.GetProperty("status").GetString(), ReadableStatuses);
        Assert.Equal(id, (await api.GetAsync($"/api/v1/messages/{document.GetProperty("message").GetProperty("id").GetInt64()}"))
            .Json.GetProperty("orders").EnumerateArray().Single(o => o.GetProperty("id").GetInt64() == id).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task GetOrder_Unknown_AnswersProblemJson404()
    {
        using var api = new ApiSession(fixture.LoopbackUrl);
        var answer = await api.GetAsync("/api/v1/orders/999999999");
        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal(404, answer.Json.GetProperty("status").GetInt32());
        Assert.Equal("/api/v1/orders/999999999", answer.Json.GetProperty("instance").GetString());
        Assert.DoesNotContain("   at ", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatchOrder_WithoutTheAntiforgeryToken_Is400AndChangesNothing()
    {
        using var api = new ApiSession(fixture.LoopbackUrl);
        var id = await IdOfAsync(api, SampleReference);
        var before = (await api.GetAsync($"/api/v1/orders/{id}")).Json.GetProperty("order").GetProperty("customer").GetString();

        var bare = await api.PatchAsync($"/api/v1/orders/{id}", """{"fields":{"customer":"Forged Ltd"},"status":"cancelled"}""", withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, bare.Status);
        Assert.Equal("application/problem+json", bare.MediaType);

        // The cookie alone (a page of this origin was opened before) is not enough: the header must carry the token.
        await api.GetAsync("/api/v1/antiforgery");
        var cookieOnly = await api.PatchAsync($"/api/v1/orders/{id}", """{"fields":{"customer":"Forged Ltd"}}""", withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, cookieOnly.Status);

        var after = (await api.GetAsync($"/api/v1/orders/{id}")).Json;
        Assert.Equal(before, after.GetProperty("order").GetProperty("customer").GetString());
        Assert.NotEqual("cancelled", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task PatchOrder_AsAViewerBehindTheTrustedProxy_Is403AndChangesNothing()
    {
        using var viewer = new ApiSession($"http://{fixture.OwnAddress}:{fixture.BehindProxy.Port}", forwardedEmail: "viewer@example.com");
        var id = await IdOfAsync(viewer, SampleReference);
        var answer = await viewer.PatchAsync($"/api/v1/orders/{id}", """{"status":"cancelled"}""");
        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Contains("Dashboard:Dispatchers", answer.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotEqual("cancelled", (await viewer.GetAsync($"/api/v1/orders/{id}")).Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Api_OffLoopbackWithoutATrustedProxy_RequiresSignInEvenWithForgedHeaders()
    {
        using var forged = new ApiSession($"http://{fixture.OwnAddress}:{fixture.Untrusted.Port}", forwardedEmail: DashboardFixture.Dispatcher);
        foreach (var path in new[] { "/api/v1/orders", "/api/v1/stats", "/openapi/v1.json" })
        {
            var answer = await forged.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
            Assert.Equal("application/problem+json", answer.MediaType);
            Assert.Contains("Dashboard:TrustedProxies", answer.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain(SampleReference, answer.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Messages_PagedAndOne_AnswerTheLedgerWithClassesAndOrders()
    {
        using var api = new ApiSession(fixture.LoopbackUrl);
        var first = await api.GetAsync("/api/v1/messages?limit=2");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        var rows = first.Json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        var next = first.Json.GetProperty("next_after").GetInt64();
        Assert.Equal(rows[^1].GetProperty("id").GetInt64(), next);
        var second = await api.GetAsync($"/api/v1/messages?limit=2&after={next}");
        Assert.All(second.Json.GetProperty("rows").EnumerateArray(), r => Assert.True(r.GetProperty("id").GetInt64() > next));

        var totals = first.Json.GetProperty("totals");
        Assert.Equal(totals.GetProperty("all").GetInt64(),
            totals.GetProperty("order").GetInt64() + totals.GetProperty("invoice").GetInt64() + totals.GetProperty("other").GetInt64() + totals.GetProperty("quarantined").GetInt64());

        var all = (await api.GetAsync("/api/v1/messages?limit=500")).Json.GetProperty("rows").EnumerateArray().ToList();
        var withOrders = all.First(m => m.GetProperty("order_count").GetInt32() > 1);
        Assert.Equal("order", withOrders.GetProperty("class").GetString());
        var message = await api.GetAsync($"/api/v1/messages/{withOrders.GetProperty("id").GetInt64()}");
        Assert.Equal(withOrders.GetProperty("order_count").GetInt32(), message.Json.GetProperty("orders").GetArrayLength());
        Assert.Equal(withOrders.GetProperty("subject").GetString(), message.Json.GetProperty("message").GetProperty("subject").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/messages/999999999")).Status);
    }

    [Fact]
    public async Task QueueAndStats_AnswerWhatTheReviewAndStatusPagesShow()
    {
        using var api = new ApiSession(fixture.LoopbackUrl);
        var queue = await api.GetAsync("/api/v1/queue");
        Assert.Equal(HttpStatusCode.OK, queue.Status);
        var toCheck = queue.Json.GetProperty("orders_to_check").EnumerateArray().ToList();
        Assert.NotEmpty(toCheck);
        Assert.All(toCheck, o => Assert.NotEmpty(o.GetProperty("reasons").EnumerateArray()));
        Assert.True(queue.Json.GetProperty("orders_to_check_total").GetInt32() >= toCheck.Count);
        Assert.Equal(JsonValueKind.Array, queue.Json.GetProperty("sink_backlog").ValueKind);

        // The orders to check are the orders list's "needs review" view (both judged by OrderReviewNeed).
        var review = await api.GetAsync("/api/v1/orders?review=1&limit=1");
        Assert.True(review.Json.GetProperty("total").GetInt64() > 0);

        var stats = await api.GetAsync("/api/v1/stats");
        Assert.Equal("sqlite", stats.Json.GetProperty("store").GetString());
        var messages = (await api.GetAsync("/api/v1/messages?limit=1")).Json.GetProperty("totals");
        Assert.Equal(messages.GetProperty("all").GetInt64(), stats.Json.GetProperty("messages").GetProperty("all").GetInt64());
        Assert.Equal((await api.GetAsync("/api/v1/orders?limit=1")).Json.GetProperty("total").GetInt64(), stats.Json.GetProperty("orders").GetInt64());
        // serve has no sources: no service part.
        Assert.Equal(JsonValueKind.Null, stats.Json.GetProperty("service").ValueKind);
    }

    private static List<long> Ids(JsonElement page) =>
        [.. page.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetInt64())];

    private static async Task<long> IdOfAsync(ApiSession api, string reference)
    {
        var answer = await api.GetAsync("/api/v1/orders?q=" + Uri.EscapeDataString(reference));
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return Ids(answer.Json).Single();
    }
}
