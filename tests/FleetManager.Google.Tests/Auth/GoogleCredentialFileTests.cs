using System.Text;
using FleetManager.Google.Auth;

namespace FleetManager.Google.Tests.Auth;

public sealed class GoogleCredentialFileTests
{
    [Fact]
    public void Parse_InstalledClientSecret_IsInstalledApp()
    {
        var file = GoogleCredentialFile.Parse(Encoding.UTF8.GetBytes("""{"installed":{"client_id":"id-1","client_secret":"s"}}"""));

        Assert.Equal(GoogleCredentialKind.InstalledApp, file.Kind);
        Assert.Equal("id-1", file.ClientId);
        Assert.Equal("s", file.ClientSecret);
    }

    [Fact]
    public void Parse_ServiceAccountKey_IsServiceAccount()
    {
        var file = GoogleCredentialFile.Parse(Encoding.UTF8.GetBytes(
            """{"type":"service_account","client_email":"sa@p.iam.gserviceaccount.com","private_key":"-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n","private_key_id":"k"}"""));

        Assert.Equal(GoogleCredentialKind.ServiceAccount, file.Kind);
        Assert.Equal("sa@p.iam.gserviceaccount.com", file.ClientId);
        Assert.Equal("k", file.PrivateKeyId);
    }

    [Fact]
    public void Parse_OtherJson_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => GoogleCredentialFile.Parse(Encoding.UTF8.GetBytes("""{"type":"authorized_user"}""")));
}
