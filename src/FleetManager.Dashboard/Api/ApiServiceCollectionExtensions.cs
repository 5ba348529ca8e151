using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.DependencyInjection;

namespace FleetManager.Dashboard.Api;

/// <summary>Adds what <c>/api/v1</c> needs: its JSON metadata, the antiforgery header, and the OpenAPI document.</summary>
public static class ApiServiceCollectionExtensions
{
    /// <summary>The OpenAPI document's name: served at <c>/openapi/v1.json</c>.</summary>
    public const string DocumentName = "v1";

    public static IServiceCollection AddFleetManagerApi(this IServiceCollection services)
    {
        // The OpenAPI schemas are read from the HTTP JSON options' metadata: the API's source-generated context first,
        // with its snake_case names, so the document describes exactly what the endpoints write.
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
        });
        // Scripts send the token in a header (a JSON body has no form field); the cookie half is the pages' own.
        services.Configure<AntiforgeryOptions>(options => options.HeaderName = ApiEndpoints.AntiforgeryHeader);
        services.AddOpenApi(DocumentName, options =>
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true);
        return services;
    }
}
