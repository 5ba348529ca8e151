using FleetManager.Mail.Imap;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FleetManager.Mail.Tests.Imap;

/// <summary>Named IMAP options per source: each source bound from its own section, all checked by the one validator.</summary>
public sealed class ImapServiceCollectionExtensionsTests
{
    private static readonly IConfiguration Settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Sources:0:Imap:Host"] = "imap.example.com",
        ["Sources:0:Imap:Username"] = "dispo@example.com",
        ["Sources:0:Imap:Password"] = "secret",
        ["Sources:0:Imap:Folder"] = "Orders",
        ["Sources:1:Imap:Host"] = "mail.example.org",
        ["Sources:1:Imap:Username"] = "night@example.org",
    }).Build();

    [Fact]
    public void AddImapSourceOptions_TwoSources_EachNameBoundFromItsOwnSection()
    {
        using var provider = Provider();
        var options = provider.GetRequiredService<IOptionsMonitor<ImapOptions>>();

        var first = options.Get("Sources:0");

        Assert.Equal(("imap.example.com", "dispo@example.com", "Orders"), (first.Host, first.Username, first.Folder));
        Assert.Throws<OptionsValidationException>(() => options.Get("Sources:1"));
    }

    [Fact]
    public void AddImapSourceOptions_SourceWithoutPassword_FailsWithTheValidatorsWords()
    {
        using var provider = Provider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<ImapOptions>>().Get("Sources:1"));

        Assert.Equal(new ImapOptionsValidator().Validate("Sources:1", new ImapOptions { Host = "mail.example.org", Username = "night@example.org" }).Failures, failure.Failures);
    }

    private static ServiceProvider Provider()
    {
        var services = new ServiceCollection();
        services.AddImapSourceOptions((_, name) => Settings.GetSection(name).GetSection(ImapOptions.SectionName));
        return services.BuildServiceProvider();
    }
}
