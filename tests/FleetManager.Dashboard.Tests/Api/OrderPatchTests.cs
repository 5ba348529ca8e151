using System.Net;
using System.Text.Json;
using FleetManager.Dashboard.Tests.Support;
using Xunit;

namespace FleetManager.Dashboard.Tests.Api;

/// <summary>
/// <c>PATCH /api/v1/orders/{id}</c> with the antiforgery token, against a real <c>fleetmanager serve</c> over an order
/// book of these tests' own: the audit row, the value in GET and in the page's CSV export, and a bad value refused
/// whole with a problem naming the field.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class OrderPatchTests(ApiOrderBookFixture book) : IClassFixture<ApiOrderBookFixture>
{
    private const string SampleReference = "HLF/26/4471";

    [Fact]
    public async Task PatchOrder_WithTheToken_RecordsAnAuditRowAndGetAndTheExportCarryIt()
    {
        using var api = new ApiSession(book.Url);
        var id = await IdOfAsync(api, SampleReference);
        var before = (await api.GetAsync($"/api/v1/orders/{id}")).Json;
        var weightRead = before.GetProperty("order").GetProperty("weight_kg").GetDecimal();
        Assert.NotEqual(12345m, weightRead);

        var answer = await api.PatchAsync($"/api/v1/orders/{id}", """{"fields":{"weight_kg":12345,"stops[0].time_from":"07:30"},"status":"reviewed"}""");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(12345m, answer.Json.GetProperty("order").GetProperty("weight_kg").GetDecimal());
        Assert.Equal("reviewed", answer.Json.GetProperty("status").GetString());

        var got = (await api.GetAsync($"/api/v1/orders/{id}")).Json;
        Assert.Equal(12345m, got.GetProperty("order").GetProperty("weight_kg").GetDecimal());
        Assert.Equal("07:30", got.GetProperty("order").GetProperty("stops")[0].GetProperty("time_from").GetString());
        Assert.Equal("reviewed", got.GetProperty("status").GetString());
        Assert.Equal("local", got.GetProperty("status_changed_by").GetString());
        var audit = got.GetProperty("corrections").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "weight_kg");
        Assert.Equal(weightRead, decimal.Parse(audit.GetProperty("value_read").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("12345", audit.GetProperty("value_set").GetString());
        Assert.Equal("local", audit.GetProperty("corrected_by").GetString());

        var csv = await api.GetTextAsync("/orders/export.csv?q=" + Uri.EscapeDataString(SampleReference));
        Assert.Contains(",12345,", csv, StringComparison.Ordinal);

        // The same value again is no correction: no second audit row.
        var again = await api.PatchAsync($"/api/v1/orders/{id}", """{"fields":{"weight_kg":"12345.0"}}""");
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Single(again.Json.GetProperty("corrections").EnumerateArray(), c => c.GetProperty("field").GetString() == "weight_kg");
    }

    [Fact]
    public async Task PatchOrder_WithABadValue_IsAProblemNamingTheFieldAndChangesNothing()
    {
        using var api = new ApiSession(book.Url);
        var id = await IdOfAsync(api, "Augsburg");
        var before = (await api.GetAsync($"/api/v1/orders/{id}")).Json;

        var answer = await api.PatchAsync($"/api/v1/orders/{id}", """{"fields":{"customer":"Half Applied GmbH","stops[0].date":"next Tuesday"}}""");
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal("stops[0].date", answer.Json.GetProperty("field").GetString());
        Assert.Contains("YYYY-MM-DD", answer.Json.GetProperty("errors").GetProperty("stops[0].date").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", answer.Body, StringComparison.Ordinal);

        var status = await api.PatchAsync($"/api/v1/orders/{id}", """{"status":"lost"}""");
        Assert.Equal(HttpStatusCode.BadRequest, status.Status);
        Assert.Equal("status", status.Json.GetProperty("field").GetString());
        var unknown = await api.PatchAsync($"/api/v1/orders/{id}", """{"fields":{"colour":"red"}}""");
        Assert.Equal("colour", unknown.Json.GetProperty("field").GetString());
        var notJson = await api.PatchAsync($"/api/v1/orders/{id}", """{"fields":""", contentType: "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, notJson.Status);
        Assert.Equal("application/problem+json", notJson.MediaType);
        Assert.StartsWith("The body is not the JSON of an order patch (line 1, byte ", notJson.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var array = await api.PatchAsync($"/api/v1/orders/{id}", "[1,2]", contentType: "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, array.Status);
        Assert.DoesNotContain("FleetManager.", array.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var form = await api.PatchAsync($"/api/v1/orders/{id}", "customer=x", contentType: "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.Status);

        // All or nothing: the good value of the refused request was not written either.
        var after = (await api.GetAsync($"/api/v1/orders/{id}")).Json;
        Assert.Equal(before.GetProperty("order").GetProperty("customer").GetString(), after.GetProperty("order").GetProperty("customer").GetString());
        Assert.Equal(before.GetProperty("corrections").GetArrayLength(), after.GetProperty("corrections").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await api.PatchAsync("/api/v1/orders/999999999", """{"status":"reviewed"}""")).Status);
    }

    private static async Task<long> IdOfAsync(ApiSession api, string search)
    {
        var answer = await api.GetAsync("/api/v1/orders?limit=1&q=" + Uri.EscapeDataString(search));
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer.Json.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).First();
    }
}
