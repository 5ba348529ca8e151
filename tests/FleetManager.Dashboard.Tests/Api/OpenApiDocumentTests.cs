using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using FleetManager.Dashboard.Tests.Support;
using FleetManager.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace FleetManager.Dashboard.Tests.Api;

/// <summary>
/// <c>/openapi/v1.json</c> as the real <c>serve</c> answers it: every <c>/api/v1</c> route the dashboard maps is described
/// (read from the routes themselves, so the document cannot drift from the code), and its schemas carry the spec's field names.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class OpenApiDocumentTests(DashboardFixture fixture)
{
    [Fact]
    public async Task OpenApiDocument_EveryApiRouteTheDashboardMaps_IsDescribedWithItsResponses()
    {
        using var api = new ApiSession(fixture.LoopbackUrl);
        var answer = await api.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var paths = answer.Json.GetProperty("paths");

        var mapped = MappedApiRoutes();
        Assert.Contains(("/api/v1/orders/{id}", "patch"), mapped);
        foreach (var (path, method) in mapped)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is mapped but not in /openapi/v1.json");
            Assert.True(item.TryGetProperty(method, out var operation), $"{method.ToUpperInvariant()} {path} is mapped but not in /openapi/v1.json");
            var ok = operation.GetProperty("responses").GetProperty("200");
            Assert.True(ok.GetProperty("content").TryGetProperty("application/json", out _), $"{method.ToUpperInvariant()} {path}: no JSON response described");
        }

        // Nothing else: the pages are not part of the API's description.
        Assert.All(paths.EnumerateObject(), p => Assert.StartsWith("/api/v1/", p.Name, StringComparison.Ordinal));
        Assert.Equal(mapped.Select(m => m.Path).Distinct().Order(StringComparer.Ordinal), paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        var patch = paths.GetProperty("/api/v1/orders/{id}").GetProperty("patch");
        Assert.True(patch.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        foreach (var status in new[] { "400", "403", "404" })
        {
            Assert.True(patch.GetProperty("responses").GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), $"PATCH: {status} not described as a problem");
        }

        var list = paths.GetProperty("/api/v1/orders").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "q", "status", "lane", "sort", "dir", "after", "limit" }, new HashSet<string?>(list));
    }

    [Fact]
    public async Task OpenApiDocument_Schemas_CarryTheSpecsFieldNames()
    {
        using var api = new ApiSession(fixture.LoopbackUrl);
        var schemas = (await api.GetAsync("/openapi/v1.json")).Json.GetProperty("components").GetProperty("schemas");

        var order = Properties(schemas, "TransportOrder");
        // xUnit's Superset(subset, actual): each schema has at least the spec's names.
        Assert.Superset(new HashSet<string>
        {
            "request_type", "reference_number", "customer", "stops", "cargo_description", "weight_kg", "pallets", "loading_meters",
            "vehicle_type", "adr", "temperature_min_c", "temperature_max_c", "price", "special_requirements", "contact",
        }, new HashSet<string>(order));
        Assert.Superset(new HashSet<string>
        {
            "type", "company", "address", "postal_code", "city", "country", "date", "time_from", "time_to", "latitude", "longitude",
        }, new HashSet<string>(Properties(schemas, "Stop")));
        Assert.Superset(new HashSet<string> { "order", "confidence", "evidence", "corrections", "status" }, new HashSet<string>(Properties(schemas, "OrderDocument")));
        Assert.Superset(new HashSet<string> { "type", "title", "status", "detail", "instance", "field", "errors" }, new HashSet<string>(Properties(schemas, "ProblemDocument")));
        Assert.DoesNotContain("sources", order);
    }

    /// <summary>Every (path, method) under /api/v1 that the dashboard's own mapping produces, in OpenAPI's spelling.</summary>
    private static List<(string Path, string Method)> MappedApiRoutes()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddFleetManagerDashboard(new ConfigurationBuilder().Build(), new OrderStoreOptions { ConnectionString = "never-opened.db" });
        using var app = builder.Build();
        app.MapFleetManagerDashboard();
        return
        [
            .. ((IEndpointRouteBuilder)app).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
                .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
                .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                    .Select(m => (Constraint().Replace(e.RoutePattern.RawText!, "}"), m.ToLowerInvariant()))),
        ];
    }

    private static List<string> Properties(JsonElement schemas, string name)
    {
        Assert.True(schemas.TryGetProperty(name, out var schema), $"no schema {name}: {string.Join(", ", schemas.EnumerateObject().Select(s => s.Name))}");
        return [.. schema.GetProperty("properties").EnumerateObject().Select(p => p.Name)];
    }

    [GeneratedRegex(@":[a-z]+\}")]
    private static partial Regex Constraint();
}
