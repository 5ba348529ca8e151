using FleetManager.Mail.Imap;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FleetManager.Mail.Tests.Imap;

public sealed class ImapOptionsTests
{
    private static ImapOptions Valid() => new() { Host = "imap.example.com", Username = "dispo@example.com", Password = "secret" };

    [Fact]
    public void AddImapOptions_SectionOfASource_BindsAndValidatesThatSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sources:0:Imap:Host"] = "imap.example.com",
            ["Sources:0:Imap:Username"] = "dispo@example.com",
            ["Sources:0:Imap:Password"] = "secret",
            ["Sources:0:Imap:Security"] = "StartTls",
            ["Sources:0:Imap:After"] = "Move",
            ["Sources:0:Imap:MoveTo"] = "Done/Orders",
            ["Sources:0:Imap:UseIdle"] = "false",
            ["Sources:0:Imap:CommandTimeout"] = "00:00:45",
            ["Sources:0:Imap:FetchBatchSize"] = "20",
            ["Sources:0:Imap:FetchBatchBytes"] = "1048576",
        }).Build();
        var services = new ServiceCollection();
        services.AddImapOptions("orders", configuration.GetSection("Sources:0:Imap"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<ImapOptions>>().Get("orders");

        Assert.Equal("imap.example.com", options.Host);
        Assert.Equal(ImapSecurity.StartTls, options.Security);
        Assert.Equal(143, options.EffectivePort);
        Assert.Equal(ImapAfterCommit.Move, options.After);
        Assert.Equal("Done/Orders", options.MoveTo);
        Assert.False(options.UseIdle);
        Assert.Equal(TimeSpan.FromSeconds(45), options.CommandTimeout);
        Assert.Equal("INBOX", options.Folder);
        Assert.Equal(20, options.FetchBatchSize);
        Assert.Equal(1048576, options.FetchBatchBytes);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1001, 1)]
    [InlineData(50, 0)]
    public void Validate_FetchBatchOutOfRange_Fails(int size, long bytes)
    {
        var options = Valid();
        options.FetchBatchSize = size;
        options.FetchBatchBytes = bytes;

        var result = new ImapOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("FetchBatch", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AddImapOptions_MissingHost_FailsValidation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Imap:Username"] = "u", ["Imap:Password"] = "p" }).Build();
        var services = new ServiceCollection();
        services.AddImapOptions(Options.DefaultName, configuration.GetSection(ImapOptions.SectionName));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ImapOptions>>().Value);

        // Named with its setting and variable, without the generated validator's member label.
        Assert.Contains("Imap:Host (FLEETMANAGER__IMAP__HOST) is required: the IMAP server's host name, for example imap.example.com (docs/imap.md).", error.Failures);
    }

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var options = Valid();

        Assert.True(new ImapOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(993, options.EffectivePort);
    }

    [Theory]
    [InlineData("imap.example.com", false)]
    [InlineData("localhost", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    public void Validate_NoEncryption_AllowedOnlyForLoopback(string host, bool allowed)
    {
        var options = Valid();
        options.Host = host;
        options.Security = ImapSecurity.None;

        Assert.Equal(allowed, new ImapOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_PasswordLoginWithoutPassword_FailsWithTheVariableName()
    {
        var options = Valid();
        options.Password = null;

        var result = new ImapOptionsValidator().Validate(null, options);

        Assert.Contains("FLEETMANAGER__IMAP__PASSWORD", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OAuth2WithoutPassword_Succeeds()
    {
        var options = Valid();
        options.Password = null;
        options.Authentication = ImapAuthentication.OAuth2;

        Assert.True(new ImapOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("\\Seen", true)]
    [InlineData("\\Flagged", true)]
    [InlineData("$FleetManagerProcessed", true)]
    [InlineData("\\Deleted", false)]
    [InlineData("two words", false)]
    [InlineData("", false)]
    public void Validate_Flag_AcceptsSystemFlagsAndKeywordsOnly(string flag, bool allowed)
    {
        var options = Valid();
        options.Flag = flag;

        Assert.Equal(allowed, new ImapOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_MoveIntoTheFolderItself_Fails()
    {
        var options = Valid();
        options.After = ImapAfterCommit.Move;
        options.MoveTo = "INBOX";

        Assert.False(new ImapOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsTheConfigurationException()
    {
        var options = Valid();
        options.CommandTimeout = TimeSpan.Zero;

        Assert.Throws<ImapConfigurationException>(() => new ImapMailbox(options));
    }
}
