using System.Net;
using Google.Apis.Auth.OAuth2.Responses;

namespace FleetManager.Google.Auth;

/// <summary>Sorts token-endpoint failures by what the caller does next: stop the source (with a fix) or retry later.</summary>
internal static class GoogleTokenErrors
{
    public const string TestingStatusCause =
        "Google refuses the refresh token (invalid_grant: expired or revoked). The usual cause: the OAuth consent screen's " +
        "publishing status is 'Testing', where refresh tokens expire after 7 days; also a revoked grant, a password change, " +
        "or 6 months unused.";

    public const string TestingStatusFix =
        "Set the consent screen's publishing status to 'In production' in the Google Cloud console (the unverified-app warning is fine for your own use), " +
        "then run 'fleetmanager auth google' to authorize again; old tokens keep their 7-day life.";

    /// <summary>The exception the caller sees: <see cref="GoogleAuthorizationException"/> for a dead credential, <see cref="HttpRequestException"/> (transient) otherwise.</summary>
    public static Exception Translate(TokenResponseException exception, GoogleCredentialKind kind)
    {
        var code = exception.Error?.Error;
        var status = exception.StatusCode;
        if (status is null or >= HttpStatusCode.InternalServerError or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout)
        {
            return new HttpRequestException($"The Google token endpoint failed ({(int?)status}); retry later.", exception, status);
        }

        return (kind, code) switch
        {
            (GoogleCredentialKind.InstalledApp, "invalid_grant") =>
                new GoogleAuthorizationException(TestingStatusCause, TestingStatusFix, exception),
            (GoogleCredentialKind.ServiceAccount, "unauthorized_client" or "access_denied") =>
                new GoogleAuthorizationException(
                    $"Google refuses to let the service account act for the mailbox ({code}).",
                    "In the Workspace Admin console (Security › Access and data control › API controls › Domain-wide delegation) add the service account's client ID with exactly the Gmail scope, and set Gmail:User to a mailbox of that domain.",
                    exception),
            (GoogleCredentialKind.ServiceAccount, "invalid_grant") =>
                new GoogleAuthorizationException(
                    "Google refuses the service account's assertion (invalid_grant): the key was deleted, Gmail:User is not a user of the Workspace domain, or the clock is wrong.",
                    "Check Gmail:User, the machine's clock, and that the key still exists in the Cloud console (else download a new key).",
                    exception),
            (_, "invalid_client" or "unauthorized_client") =>
                new GoogleAuthorizationException(
                    $"Google does not accept the OAuth client ({code}).",
                    "Download the client secret JSON of a 'Desktop app' OAuth client again, set Gmail:CredentialsFile to it and run 'fleetmanager auth google'.",
                    exception),
            _ => new GoogleAuthorizationException(
                $"Google's token endpoint refused the credential ({code}: {exception.Error?.ErrorDescription}).",
                kind == GoogleCredentialKind.InstalledApp ? RefreshTokenFile.ReauthorizeFix : "Check the service-account key and its domain-wide delegation (docs/gmail.md).",
                exception),
        };
    }
}
