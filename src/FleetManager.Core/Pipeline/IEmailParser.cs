using FleetManager.Core.Model;

namespace FleetManager.Core.Pipeline;

/// <summary>Turns raw RFC 822 bytes into an <see cref="Email"/>.</summary>
public interface IEmailParser
{
    /// <exception cref="MessageQuarantinedException">The message cannot be read; its reason says why.</exception>
    Email Parse(RawMessage message);

    /// <summary>
    /// <see cref="Parse(RawMessage)"/> that stops when <paramref name="cancellationToken"/> is cancelled (the
    /// per-message time limit): a parser that decompresses or walks large structures checks it as it goes.
    /// </summary>
    /// <exception cref="MessageQuarantinedException">The message cannot be read; its reason says why.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    Email Parse(RawMessage message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Parse(message);
    }
}
