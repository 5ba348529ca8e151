using FleetManager.Core.Model;

namespace FleetManager.Core.Pipeline;

/// <summary>Where messages come from (a folder, an mbox, Gmail, IMAP), streamed in source order.</summary>
public interface IMailSource
{
    /// <summary>A short name for logs and the ledger, such as <c>folder:/srv/mail</c>.</summary>
    string Name { get; }

    IAsyncEnumerable<RawMessage> ReadAsync(CancellationToken cancellationToken);
}
