using FleetManager.Core.Pipeline;
using FleetManager.Google;
using FleetManager.Google.Gmail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FleetManager.Service.Sources;

/// <summary>
/// The <c>gmail</c> kind. A source's <c>Gmail:*</c> settings are laid over the top-level <c>Gmail</c> and
/// <c>Google</c> sections, so one mailbox needs nothing beyond the original's GMAIL_CREDENTIALS_FILE and
/// several accounts each name their own credential and token file. Each source is a keyed
/// <see cref="GmailMailbox"/> of the service's one container (its own token provider, HTTP client and
/// resilience pipeline), registered by <see cref="AddGmailSources"/> under its section's path.
/// </summary>
internal sealed class GmailMailboxFactory(IServiceProvider services) : IMailboxFactory
{
    public string Kind => "gmail";

    public IEnumerable<string> Validate(SourceOptions source, IConfigurationSection section) => services.GmailSourceFailures(section.Path);

    public IMailbox Create(SourceOptions source, IConfigurationSection section, IServiceProvider services) =>
        services.GetRequiredKeyedService<GmailMailbox>(section.Path);

    /// <summary>
    /// Registers every <c>Sources:N</c> section whose <c>Kind</c> is <c>gmail</c> as a Gmail source keyed by its
    /// section's path (a name may be left empty; the path is always there and unique), its own <c>Gmail:*</c>
    /// laid over the top-level sections.
    /// </summary>
    public static IServiceCollection AddGmailSources(IServiceCollection services, IConfiguration configuration)
    {
        foreach (var section in configuration.GetSection("Sources").GetChildren())
        {
            if (string.Equals(section["Kind"]?.Trim(), "gmail", StringComparison.OrdinalIgnoreCase))
            {
                services.AddGmailSource(section.Path, SourceConfiguration.Overlay(configuration, section, GmailOptions.SectionName));
            }
        }

        return services;
    }
}
