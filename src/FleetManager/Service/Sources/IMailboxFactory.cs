using FleetManager.Core.Pipeline;
using Microsoft.Extensions.Configuration;

namespace FleetManager.Service.Sources;

/// <summary>
/// Makes the mailbox of one source kind (<c>folder</c>, <c>gmail</c>, <c>imap</c>). Adding a kind is
/// one class implementing this, registered with <c>services.AddSingleton&lt;IMailboxFactory, T&gt;()</c>.
/// </summary>
public interface IMailboxFactory
{
    /// <summary>The <c>Kind</c> value this factory serves (case-insensitive).</summary>
    string Kind { get; }

    /// <summary>What is wrong with the source's settings (empty: nothing); checked at start and by <c>doctor</c>.</summary>
    /// <param name="source">The source's common settings.</param>
    /// <param name="section">The source's whole configuration section (kind-specific settings are below it).</param>
    IEnumerable<string> Validate(SourceOptions source, IConfigurationSection section);

    /// <summary>Creates the mailbox; called once per source when the service starts.</summary>
    IMailbox Create(SourceOptions source, IConfigurationSection section, IServiceProvider services);
}
