using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace FleetManager.Mail.Imap;

/// <summary>
/// Binds the <see cref="ImapOptions"/> named after a source from the section that describes it, for sources
/// that are not known when the services are registered (the service's <c>Sources:N</c>).
/// </summary>
internal sealed class ImapSourceOptionsSetup(Func<string, IConfiguration> sectionOf) : IConfigureNamedOptions<ImapOptions>
{
    public void Configure(string? name, ImapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrEmpty(name))
        {
            sectionOf(name).Bind(options);
        }
    }

    public void Configure(ImapOptions options) => Configure(Options.DefaultName, options);
}
