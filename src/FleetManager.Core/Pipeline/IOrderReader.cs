using FleetManager.Core.Model;

namespace FleetManager.Core.Pipeline;

/// <summary>Classifies a message and extracts every order in it (rules engine, Gemini, OpenAI-compatible).</summary>
public interface IOrderReader
{
    /// <exception cref="MessageQuarantinedException">The reader cannot read this message (refusal, invalid answer).</exception>
    ValueTask<EmailResult> ReadAsync(Email email, CancellationToken cancellationToken);
}
