using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FleetManager.Service.Health;

/// <summary>Serves <c>/healthz/live</c>, <c>/healthz/ready</c> and <c>/healthz</c>.</summary>
internal static class HealthEndpoints
{
    /// <summary>
    /// Answers the probes' GET requests ahead of routing. Routing builds its matcher over every endpoint (the dashboard's
    /// pages and API, the OpenAPI document) on the first request it sees, and the first request of a service is the
    /// orchestrator's readiness probe: answered here, that work waits for the first dashboard request and the probe is
    /// not slowed by it (docs/benchmarks.md, "Start-up: closed options registrations"). Call before <c>UseRouting</c>.
    /// </summary>
    public static IApplicationBuilder UseFleetManagerHealth(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(ServeProbeAsync);
    }

    private static Task ServeProbeAsync(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            return next(context);
        }

        var path = context.Request.Path;
        if (path.Equals("/healthz/ready", StringComparison.Ordinal))
        {
            return RespondAsync(context, reporter => ReadyAsync(reporter, context.RequestAborted));
        }

        if (path.Equals("/healthz/live", StringComparison.Ordinal))
        {
            return RespondAsync(context, reporter => Task.FromResult(Live(reporter)));
        }

        return path.Equals("/healthz", StringComparison.Ordinal)
            ? RespondAsync(context, reporter => StatusAsync(reporter, context.RequestAborted))
            : next(context);
    }

    /// <summary>
    /// The same three as endpoints, behind <see cref="UseFleetManagerHealth"/>: GETs never reach them, other methods get
    /// routing's 405 as before.
    /// </summary>
    public static IEndpointRouteBuilder MapFleetManagerHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz/live", Live);
        endpoints.MapGet("/healthz/ready", ReadyAsync);
        endpoints.MapGet("/healthz", StatusAsync);
        return endpoints;
    }

    private static async Task RespondAsync(HttpContext context, Func<HealthReporter, Task<IResult>> answer)
    {
        var result = await answer(context.RequestServices.GetRequiredService<HealthReporter>()).ConfigureAwait(false);
        await result.ExecuteAsync(context).ConfigureAwait(false);
    }

    private static IResult Live(HealthReporter reporter)
    {
        var live = reporter.Live();
        return Results.Json(live, HealthJsonContext.Default.ProbeDocument, statusCode: live.Reasons.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> ReadyAsync(HealthReporter reporter, CancellationToken cancellationToken)
    {
        var ready = await reporter.ReadyAsync(cancellationToken).ConfigureAwait(false);
        return Results.Json(ready, HealthJsonContext.Default.ProbeDocument, statusCode: ready.Reasons.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> StatusAsync(HealthReporter reporter, CancellationToken cancellationToken)
    {
        var status = await reporter.StatusAsync(cancellationToken).ConfigureAwait(false);
        // Degraded still serves (200); Unhealthy is 503 so a plain HTTP check sees it.
        return Results.Json(status, HealthJsonContext.Default.StatusDocument,
            statusCode: status.Status == nameof(HealthStatus.Unhealthy) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }
}
