using FleetManager.Core.Model;

namespace FleetManager.Core.Pipeline;

/// <summary>Turns raw RFC 822 bytes into an <see cref="Email"/>.</summary>
public interface IEmailParser
{
    /// <exception cref="MessageQuarantinedException">The message cannot be read; its reason says why.</exception>
    Email Parse(RawMessage message);
}
