using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FleetManager.Service.Health;

/// <summary>Maps <c>/healthz/live</c>, <c>/healthz/ready</c> and <c>/healthz</c>.</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapFleetManagerHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz/live", (HealthReporter reporter) =>
        {
            var live = reporter.Live();
            return Results.Json(live, HealthJsonContext.Default.ProbeDocument, statusCode: live.Reasons.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        endpoints.MapGet("/healthz/ready", async (HealthReporter reporter, CancellationToken cancellationToken) =>
        {
            var ready = await reporter.ReadyAsync(cancellationToken).ConfigureAwait(false);
            return Results.Json(ready, HealthJsonContext.Default.ProbeDocument, statusCode: ready.Reasons.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        endpoints.MapGet("/healthz", async (HealthReporter reporter, CancellationToken cancellationToken) =>
        {
            var status = await reporter.StatusAsync(cancellationToken).ConfigureAwait(false);
            // Degraded still serves (200); Unhealthy is 503 so a plain HTTP check sees it.
            return Results.Json(status, HealthJsonContext.Default.StatusDocument,
                statusCode: status.Status == nameof(HealthStatus.Unhealthy) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
        });
        return endpoints;
    }
}
