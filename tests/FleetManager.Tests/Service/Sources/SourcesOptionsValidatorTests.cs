using FleetManager.Service;
using Microsoft.Extensions.Configuration;
using Xunit;
using FleetManager.Service.Readers;
using FleetManager.Service.Sources;

namespace FleetManager.Tests.Service.Sources;

public sealed class SourcesOptionsValidatorTests
{
    /// <summary>The failures for <paramref name="settings"/>, with the folder kind and the rules reader besides <paramref name="kind"/> and <paramref name="reader"/>.</summary>
    private static List<string> Validate(Dictionary<string, string?> settings, IMailboxFactory? kind = null, IOrderReaderFactory? reader = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = new SourcesOptions();
        configuration.Bind(options);
        var validator = new SourcesOptionsValidator(
            configuration,
            kind is null ? [new FolderMailboxFactory()] : [new FolderMailboxFactory(), kind],
            reader is null ? [new RulesOrderReaderFactory()] : [new RulesOrderReaderFactory(), reader]);
        var result = validator.Validate(null, options);
        return result.Failures?.ToList() ?? [];
    }

    [Fact]
    public void Validate_GoodFolderSource_Passes() =>
        Assert.Empty(Validate(new() { ["Sources:0:Name"] = "inbox", ["Sources:0:Kind"] = "folder", ["Sources:0:Folder:Path"] = "/srv/mail" }));

    [Fact]
    public void Validate_CommonMistakes_EachNamedWithItsKey()
    {
        var failures = Validate(new()
        {
            ["Sources:0:Name"] = "inbox",
            ["Sources:0:Kind"] = "folder",
            ["Sources:1:Name"] = "INBOX",
            ["Sources:1:Kind"] = "carrier-pigeon",
            ["Sources:1:Cron"] = "every tuesday",
            ["Sources:1:Reader"] = "crystal-ball",
        });

        Assert.Contains(failures, f => f.StartsWith("Sources:0:", StringComparison.Ordinal) && f.Contains("Folder:Path is required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Sources:1:", StringComparison.Ordinal) && f.Contains("used by another source", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Kind 'carrier-pigeon' is unknown", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Cron 'every tuesday'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Reader 'crystal-ball' is unknown", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_KindFailureNamingARootVariable_NamesTheSourcesOwnVariable()
    {
        var failure = Assert.Single(Validate(
            new()
            {
                ["Sources:0:Name"] = "inbox",
                ["Sources:0:Kind"] = "folder",
                ["Sources:0:Folder:Path"] = "/srv/mail",
                ["Sources:1:Name"] = "box",
                ["Sources:1:Kind"] = "stand-in",
            },
            kind: new FailingMailboxFactory()));

        Assert.Equal("Sources:1: Imap:Host (FLEETMANAGER__SOURCES__1__IMAP__HOST) is required.", failure);
    }

    [Theory]
    [InlineData("gemini", "Reader 'gemini': Gemini:ApiKey is not set.")]
    [InlineData("magic", "Reader:Kind 'magic' is unknown (known: rules, gemini).")]
    public void Validate_NoSourceConfigured_ChecksTheReaderOfTheDefaultInbox(string kind, string expected)
    {
        Assert.Equal([expected], Validate(new() { ["Reader:Kind"] = kind }, reader: new KeylessModelReaderFactory()));
    }

    [Fact]
    public void Validate_SourcesNotUsingTheDefaultReader_DoNotCheckIt()
    {
        var failures = Validate(
            new()
            {
                ["Reader:Kind"] = "gemini",
                ["Sources:0:Name"] = "inbox",
                ["Sources:0:Kind"] = "folder",
                ["Sources:0:Folder:Path"] = "/srv/mail",
                ["Sources:0:Reader"] = "rules",
            },
            reader: new KeylessModelReaderFactory());

        Assert.Empty(failures);
    }

    /// <summary>A model reader whose key is not set.</summary>
    private sealed class KeylessModelReaderFactory : IOrderReaderFactory
    {
        public string Name => "gemini";

        public TimeSpan MessageTimeout => TimeSpan.FromSeconds(30);

        public int MaxInFlight => 1;

        public IEnumerable<string> Validate() => ["Gemini:ApiKey is not set."];

        public FleetManager.Core.Pipeline.IOrderReader Create(IServiceProvider services) => throw new NotSupportedException();
    }

    /// <summary>A kind whose settings are always missing a host, in the words the IMAP validator uses.</summary>
    private sealed class FailingMailboxFactory : IMailboxFactory
    {
        public string Kind => "stand-in";

        public IEnumerable<string> Validate(SourceOptions source, IConfigurationSection section) => ["Imap:Host (FLEETMANAGER__IMAP__HOST) is required."];

        public FleetManager.Core.Pipeline.IMailbox Create(SourceOptions source, IConfigurationSection section, IServiceProvider services) => throw new NotSupportedException();
    }
}
