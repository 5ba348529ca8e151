using FleetManager.Core.Pipeline;
using FleetManager.Mail.Parsing;
using FleetManager.Mail.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FleetManager.Service.Sources;

/// <summary>The <c>folder</c> kind: a local folder of .eml files, Maildirs and mbox files (<c>Folder:Path</c>).</summary>
internal sealed class FolderMailboxFactory : IMailboxFactory
{
    public string Kind => "folder";

    public IEnumerable<string> Validate(SourceOptions source, IConfigurationSection section)
    {
        if (string.IsNullOrWhiteSpace(section["Folder:Path"]))
        {
            yield return $"Source '{source.Name}': Folder:Path is required for a folder source (the folder to watch).";
        }
    }

    public IMailbox Create(SourceOptions source, IConfigurationSection section, IServiceProvider services) =>
        new FolderMailbox(source.Name, section["Folder:Path"]!, services.GetRequiredService<IOptions<MailLimitsOptions>>().Value.MaxMessageBytes);
}
