using Microsoft.Extensions.Logging;

namespace FleetManager.Llm.Http;

/// <summary>
/// The model clients' own lines: one Debug line per request the client-side rate limiter let through, with the
/// limiter's own time (how a run's request rate can be checked from outside: enable it with
/// <c>Logging:LogLevel:FleetManager.Llm.ModelRequests=Debug</c>), and one Warning line per retry, so that a verb
/// waiting out a busy model says so instead of sitting silent for half a minute. Nothing secret: the model's name,
/// a status code or the kind of connection failure, and times.
/// </summary>
public static partial class ModelRequestLog
{
    /// <summary>The log category of these lines.</summary>
    public const string Category = "FleetManager.Llm.ModelRequests";

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Model} request permitted at {PermittedAt:O}")]
    public static partial void Permitted(ILogger logger, string model, DateTimeOffset permittedAt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Model} did not answer ({Reason}): retry {Retry} of {Retries} in {Delay}")]
    public static partial void Retrying(ILogger logger, string model, string reason, int retry, int retries, string delay);
}
