using FleetManager.Commands;
using FleetManager.Google.Gmail;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary><c>auth google</c> asks once for every scope the configuration will use its credential for.</summary>
public sealed class AuthCommandTests
{
    private const string Sheets = "https://www.googleapis.com/auth/spreadsheets";
    private const string Mail = "https://mail.google.com/";

    [Fact]
    public void Scopes_GmailOnly_AreGmailsAlone()
    {
        var scopes = AuthCommand.Scopes(Configuration([]), new GmailOptions());

        Assert.Equal([GmailScopes.Modify], scopes);
    }

    [Fact]
    public void Scopes_SpreadsheetNamed_AddSheets()
    {
        var scopes = AuthCommand.Scopes(Configuration(new() { ["Sheets:SpreadsheetId"] = "1abc" }), new GmailOptions());

        Assert.Equal([GmailScopes.Modify, Sheets], scopes);
    }

    [Fact]
    public void Scopes_ImapSourceWithXoauth2_AddFullMailAccess()
    {
        var scopes = AuthCommand.Scopes(Configuration(new()
        {
            ["Sources:0:Name"] = "office",
            ["Sources:0:Kind"] = "imap",
            ["Sources:0:Imap:Authentication"] = "OAuth2",
        }), new GmailOptions { ApplyLabels = false });

        Assert.Equal([GmailScopes.ReadOnly, Mail], scopes);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
