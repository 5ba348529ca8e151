using System.Security.Authentication;
using FleetManager.Core.Pipeline;
using FleetManager.Google.Auth;
using FleetManager.Google.Sheets;
using FleetManager.Mail.Imap;
using FleetManager.Mail.Sources;
using FleetManager.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace FleetManager.Service;

/// <summary>Sorts a poll's exception by what happens next (<see cref="FailureKind"/>).</summary>
internal static class FailureClassifier
{
    public static FailureKind Classify(Exception exception) => exception switch
    {
        SourceAuthenticationException or GoogleAuthorizationException or ImapAuthenticationException or AuthenticationException => FailureKind.Authentication,
        // Types from adapters this project does not reference (MailKit's AuthenticationException) are known by name.
        _ when exception.GetType().Name is "AuthenticationException" => FailureKind.Authentication,
        HttpRequestException { StatusCode: System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden } => FailureKind.Authentication,
        SourceConfigurationException or OptionsValidationException or MailSourceNotFoundException or ImapConfigurationException
            or SheetsRejectedException => FailureKind.Configuration,
        // A spent quota clears by itself (the source pauses until ResumeAt); a rejected key or unknown model needs a fix.
        ReaderUnavailableException { ResumeAt: null } => FailureKind.Configuration,
        OrderBookUnavailableException or SqliteException or FleetManager.Core.Errors.StoreException => FailureKind.Store,
        AggregateException { InnerExceptions: [var only] } => Classify(only),
        _ => FailureKind.Transient,
    };

    /// <summary>The failure as one line for status and logs: the exception's message, which our types keep free of secrets.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions: [var only] } => Describe(only),
        _ => exception.GetType().Name + ": " + exception.Message.ReplaceLineEndings(" "),
    };
}
