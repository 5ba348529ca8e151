namespace FleetManager.Core.Errors;

/// <summary>
/// This one message (or attachment) cannot be read: malformed, over a limit, or hostile. The caller
/// quarantines it with <see cref="Exception.Message"/> as the reason and carries on with the rest.
/// </summary>
public class RejectedInputException(string reason, string fix = "", Exception? innerException = null)
    : FleetManagerException(reason, fix, innerException)
{
    public override ErrorCategory Category => ErrorCategory.RejectedInput;
}
