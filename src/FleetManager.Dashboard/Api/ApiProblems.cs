using FleetManager.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace FleetManager.Dashboard.Api;

/// <summary>The API's refusals and failures as RFC 7807 problem details (<c>application/problem+json</c>), each saying what to do.</summary>
public static class ApiProblems
{
    /// <summary>The media type of a problem details body.</summary>
    public const string ContentType = "application/problem+json";

    public static IResult NotFound(HttpContext context, string what) =>
        Write(context, StatusCodes.Status404NotFound, "Not found", $"There is no {what} with that id. List them with GET {ListOf(what)}.");

    public static IResult BadRequest(HttpContext context, string detail, IReadOnlyDictionary<string, string>? errors = null) =>
        Write(context, StatusCodes.Status400BadRequest, "Bad request", detail, errors);

    public static IResult MissingAntiforgeryToken(HttpContext context) =>
        Write(context, StatusCodes.Status400BadRequest, "Antiforgery token missing or invalid",
            $"A change needs the antiforgery token: GET /api/v1/antiforgery (which also sets its cookie) and send its token in the {ApiEndpoints.AntiforgeryHeader} header. Nothing was changed.");

    public static IResult Forbidden(HttpContext context, string role, string setting) =>
        Write(context, StatusCodes.Status403Forbidden, "Not allowed",
            $"This change needs the {role} role. Ask an administrator to add you to {setting}. Nothing was changed.");

    public static IResult UnsupportedMediaType(HttpContext context) =>
        Write(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as JSON with Content-Type: application/json.");

    /// <summary>True for the API's own paths (and its OpenAPI document), whose refusals are problem details rather than pages.</summary>
    public static bool IsApiPath(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.Ordinal) || path.StartsWithSegments("/openapi", StringComparison.Ordinal);

    /// <summary>Writes the 401 of a request nobody signed in for, as the security middleware refuses it (before any endpoint runs).</summary>
    public static Task WriteSignInRequiredAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = new ProblemDocument("about:blank", "Sign-in required", StatusCodes.Status401Unauthorized,
            "The dashboard and its API serve requests from this machine without login; from anywhere else they need a sign-in: "
            + "a session cookie from /login (built-in users: fleetmanager users add), the configured sign-in proxy (Dashboard:TrustedProxies), "
            + "or this machine at http://127.0.0.1.",
            context.Request.Path.Value, null, null);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return context.Response.WriteAsJsonAsync(problem, ApiJsonContext.Default.ProblemDocument, ContentType, context.RequestAborted);
    }

    /// <summary>A failure of the book or of a service behind it, by its category: what happened and its fix, never a stack trace.</summary>
    public static IResult Failure(HttpContext context, FleetManagerException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var status = exception.Category == ErrorCategory.RejectedInput ? StatusCodes.Status400BadRequest : StatusCodes.Status503ServiceUnavailable;
        return Write(context, status, status == StatusCodes.Status400BadRequest ? "Bad request" : "Service unavailable", $"{exception.Message} {exception.Fix}".Trim());
    }

    private static IResult Write(HttpContext context, int status, string title, string detail, IReadOnlyDictionary<string, string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var field = errors is { Count: > 0 } ? errors.Keys.First() : null;
        var problem = new ProblemDocument("about:blank", title, status, detail, context.Request.Path.Value, field, errors);
        return Results.Json(problem, ApiJsonContext.Default.ProblemDocument, ContentType, status);
    }

    private static string ListOf(string what) => what switch
    {
        "message" => "/api/v1/messages",
        _ => "/api/v1/orders",
    };
}
