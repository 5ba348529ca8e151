namespace FleetManager.Core.Pipeline;

/// <summary>
/// The reader cannot read any message now (a model's quota is spent, its key is rejected, its model
/// id is unknown): not the message's fault, so the message is not quarantined. The caller stops the
/// source without recording the messages it did not finish; a later run picks them up.
/// </summary>
public class ReaderUnavailableException : Exception
{
    public ReaderUnavailableException(string message, string fix, DateTimeOffset? resumeAt = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Fix = fix;
        ResumeAt = resumeAt;
    }

    /// <summary>What the operator does about it ("set GEMINI_API_KEY", "wait for the daily reset").</summary>
    public string Fix { get; }

    /// <summary>When trying again can succeed (a quota reset); null when only a fix helps.</summary>
    public DateTimeOffset? ResumeAt { get; }
}
