namespace FleetManager.Core.Errors;

/// <summary>
/// The root of every failure FleetManager reports on purpose. <see cref="Exception.Message"/> says what
/// went wrong in one line and <see cref="Fix"/> what to do about it; both must be free of secrets
/// (callers still pass them through the configured redactor before printing or storing).
/// Adapters derive their exceptions from one of the five category types, never from this directly.
/// </summary>
public abstract class FleetManagerException : Exception
{
    private protected FleetManagerException(string message, string fix, Exception? innerException)
        : base(message, innerException)
    {
        Fix = fix;
    }

    /// <summary>What the user must do, for example "set GEMINI_API_KEY" or "free disk space under /data".</summary>
    public string Fix { get; }

    /// <summary>What the caller does next.</summary>
    public abstract ErrorCategory Category { get; }

    /// <summary>The message and its fix as the one line a person reads.</summary>
    public string OneLine => string.IsNullOrEmpty(Fix) || Message.Contains(Fix, StringComparison.Ordinal)
        ? Message.ReplaceLineEndings(" ")
        : (Message.TrimEnd() + " " + Fix).ReplaceLineEndings(" ");
}
