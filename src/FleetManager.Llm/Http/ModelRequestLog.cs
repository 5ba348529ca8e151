using Microsoft.Extensions.Logging;

namespace FleetManager.Llm.Http;

/// <summary>
/// One Debug line per model request the client-side rate limiter let through, with the limiter's own time:
/// how a run's request rate can be checked from outside (enable it with
/// <c>Logging:LogLevel:FleetManager.Llm.ModelRequests=Debug</c>). Nothing secret: the model's name and a time.
/// </summary>
public static partial class ModelRequestLog
{
    /// <summary>The log category of these lines.</summary>
    public const string Category = "FleetManager.Llm.ModelRequests";

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Model} request permitted at {PermittedAt:O}")]
    public static partial void Permitted(ILogger logger, string model, DateTimeOffset permittedAt);
}
