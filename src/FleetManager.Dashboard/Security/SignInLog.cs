using Microsoft.Extensions.Logging;

namespace FleetManager.Dashboard.Security;

/// <summary>What the sign-in page logs: who signed in or failed from where, never a password.</summary>
internal static partial class SignInLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Dashboard sign-in: {User} from {Address}")]
    public static partial void SignedIn(ILogger logger, string user, string address);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Dashboard sign-in refused (wrong name or password) from {Address}")]
    public static partial void Refused(ILogger logger, string address);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "Dashboard sign-in attempts from {Address} over the limit (Dashboard:SignInAttemptsPerMinute)")]
    public static partial void Limited(ILogger logger, string address);
}
