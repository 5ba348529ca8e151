using FleetManager.Hosting;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace FleetManager.Tests.Service;

public sealed class SecretRedactorTests
{
    [Fact]
    public void Redact_ErrorQuotingConfiguredSecrets_ReplacesThemButNotPathsOrIds()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gemini:ApiKey"] = "AIza-very-secret",
            ["Imap:Password"] = "hunter2-hunter2",
            ["Gmail:CredentialsFile"] = "/secrets/gmail.json",
            ["Sheets:SpreadsheetId"] = "sheet-1234",
        }).Build();
        var redactor = ConfiguredSecrets.Redactor(configuration);

        var text = redactor.Redact("GET ?key=AIza-very-secret failed; login hunter2-hunter2 refused; file /secrets/gmail.json; sheet sheet-1234");

        Assert.Equal("GET ?key=*** failed; login *** refused; file /secrets/gmail.json; sheet sheet-1234", text);
    }
}
