using FleetManager.Hosting;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace FleetManager.Tests.Hosting;

/// <summary>Issue 12 §4: one redactor, fed with every configured secret, on every way out of the process.</summary>
public sealed class ConfiguredSecretsTests : IDisposable
{
    private readonly Support.TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("postgres://fleet:pg-CANARY-pw@db.example.com:5432/fleet")]
    [InlineData("Host=db.example.com;Username=fleet;Password=pg-CANARY-pw;Database=fleet")]
    public void Redactor_PasswordInsideAConnectionString_MaskedWhereverItIsQuotedAlone(string connectionString)
    {
        var redactor = ConfiguredSecrets.Redactor(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
        }).Build());

        Assert.Equal("password authentication failed for pw ***", redactor.Redact("password authentication failed for pw pg-CANARY-pw"));
    }

    [Fact]
    public void Redactor_SecretsInsideCredentialFiles_Masked()
    {
        var client = _temp.File("client.json");
        File.WriteAllText(client, """{"installed":{"client_id":"123.apps.googleusercontent.com","client_secret":"GOCSPX-CANARY-client"}}""");
        var redactor = ConfiguredSecrets.Redactor(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gmail:CredentialsFile"] = client,
        }).Build());

        Assert.Equal("invalid_client: *** for 123.apps.googleusercontent.com", redactor.Redact("invalid_client: GOCSPX-CANARY-client for 123.apps.googleusercontent.com"));
    }

    [Fact]
    public void RedactingTextWriter_SecretWrittenInPieces_MaskedOnTheLine()
    {
        var inner = new StringWriter();
        using var writer = new RedactingTextWriter(inner, new Core.Errors.SecretRedactor(["imap-CANARY-pass"]));

        // An IMAP server echoing the LOGIN line, printed in pieces.
        writer.Write("error: A00000001 NO LOGIN dispo \"imap-CAN");
        writer.Write("ARY-pass\" rejected");
        writer.WriteLine();

        Assert.Equal("error: A00000001 NO LOGIN dispo \"***\" rejected" + Environment.NewLine, inner.ToString());
    }
}
