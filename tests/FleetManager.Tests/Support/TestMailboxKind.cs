using FleetManager.Core.Pipeline;
using FleetManager.Service;
using Microsoft.Extensions.Configuration;
using FleetManager.Service.Sources;

namespace FleetManager.Tests.Support;

/// <summary>A source kind (<c>test</c>) whose mailboxes are the given <see cref="GatedMailbox"/> instances, by source name.</summary>
internal sealed class TestMailboxKind(params GatedMailbox[] mailboxes) : IMailboxFactory
{
    public string Kind => "test";

    public IEnumerable<string> Validate(SourceOptions source, IConfigurationSection section) => [];

    public IMailbox Create(SourceOptions source, IConfigurationSection section, IServiceProvider services) =>
        mailboxes.First(m => m.Name == source.Name);
}
