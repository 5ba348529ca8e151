using FleetManager.Core.Errors;

namespace FleetManager.Core.Pipeline;

/// <summary>
/// The reader cannot read any message now (a model still rate limited or failing after the retries,
/// unreachable): not the message's fault, so the message is not quarantined. The caller stops the
/// source without recording the messages it did not finish; a later run picks them up, at
/// <see cref="ServiceUnavailableException.RetryAfter"/> when the service said when. A rejected key is a
/// <see cref="ReaderCredentialException"/>, an unknown model a <see cref="ReaderConfigurationException"/>.
/// </summary>
public class ReaderUnavailableException(string message, string fix, DateTimeOffset? retryAfter = null, Exception? innerException = null)
    : ServiceUnavailableException(message, fix, retryAfter, innerException);
