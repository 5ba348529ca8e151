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

    /// <summary>
    /// The message and its fix as the one line a person reads. The fix is a sentence of its own, so a message that
    /// does not end one gets its full stop first ("… it does not exist. Run …", not "… it does not exist Run …"),
    /// and the fix its capital letter; after a colon it goes on as written.
    /// </summary>
    public string OneLine
    {
        get
        {
            if (string.IsNullOrEmpty(Fix) || Message.Contains(Fix, StringComparison.Ordinal))
            {
                return Message.ReplaceLineEndings(" ");
            }

            var message = Message.TrimEnd();
            if (message.Length > 0 && message[^1] == ':')
            {
                return (message + " " + Fix).ReplaceLineEndings(" ");
            }

            // After a full stop the fix starts a sentence: "… (127.0.0.1:9). Check the network …", whichever case
            // the adapter wrote it in.
            var stop = message.Length > 0 && message[^1] is '.' or '!' or '?' ? " " : ". ";
            return (message + stop + char.ToUpperInvariant(Fix[0]) + Fix[1..]).ReplaceLineEndings(" ");
        }
    }
}
