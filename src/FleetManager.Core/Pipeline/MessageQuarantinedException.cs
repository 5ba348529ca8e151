using FleetManager.Core.Errors;
using FleetManager.Core.Model;

namespace FleetManager.Core.Pipeline;

/// <summary>
/// This message cannot be processed (malformed, too large, unreadable by the reader). The caller
/// records it as quarantined with <see cref="Exception.Message"/> as the reason and carries on.
/// </summary>
public sealed class MessageQuarantinedException : RejectedInputException
{
    public MessageQuarantinedException(string reason) : base(reason) { }

    public MessageQuarantinedException(string reason, Exception inner) : base(reason, "", inner) { }

    /// <summary>What a model reader spent on the message before giving up (a blocked prompt is still billed).</summary>
    public ModelUsage? Usage { get; init; }
}
