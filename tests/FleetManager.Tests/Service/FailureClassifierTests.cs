using FleetManager.Core.Pipeline;
using FleetManager.Google.Auth;
using FleetManager.Mail.Imap;
using FleetManager.Service;
using FleetManager.Storage;
using Xunit;

namespace FleetManager.Tests.Service;

/// <summary>Each adapter's failures sort into what the operator does next (and the exit code of <c>poll --once</c>).</summary>
public sealed class FailureClassifierTests
{
    public static TheoryData<Exception, FailureKind> Failures() => new()
    {
        { new ImapAuthenticationException("login refused", "check the password"), FailureKind.Authentication },
        { new GoogleAuthorizationException("invalid_grant", "run 'fleetmanager auth google'"), FailureKind.Authentication },
        { new ImapConfigurationException("no such folder", "fix Imap:Folder"), FailureKind.Configuration },
        { new SourceConfigurationException("no credential", "set GMAIL_CREDENTIALS_FILE"), FailureKind.Configuration },
        { new ReaderCredentialException("the key was rejected", "set GEMINI_API_KEY"), FailureKind.Authentication },
        { new ReaderConfigurationException("model 'x' was not found", "set Gemini:Model"), FailureKind.Configuration },
        { new ReaderUnavailableException("still failing after the retries", "run again later"), FailureKind.Transient },
        { new FleetManager.Geocoding.GeocoderRejectedException("google", "REQUEST_DENIED", "Google refused the key.", "Check GOOGLE_MAPS_API_KEY."), FailureKind.Configuration },
        { new FleetManager.Mail.Imap.ImapUnavailableException("connection refused"), FailureKind.Transient },
        { new FleetManager.Core.Errors.StoreException("the disk is full", "free disk space"), FailureKind.Store },
        { new ModelQuotaExhaustedException("daily quota spent", DateTimeOffset.UtcNow.AddHours(3)), FailureKind.Transient },
        { new OrderBookUnavailableException("fm.db", "it is locked"), FailureKind.Store },
        { new HttpRequestException("connection reset"), FailureKind.Transient },
        { new AggregateException(new ImapAuthenticationException("login refused", "check the password")), FailureKind.Authentication },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Classify_AdapterFailure_SaysWhatHappensNext(Exception failure, FailureKind expected) =>
        Assert.Equal(expected, FailureClassifier.Classify(failure));
}
