using FleetManager.Commands;
using FleetManager.Google.Auth;
using FleetManager.StandIns.OAuth;
using FleetManager.Tests.Support;
using Microsoft.Extensions.Options;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// <c>auth google</c> run in-process: settings, the printed URL and the pasted reply go through a
/// <see cref="VerbEnvironment"/>; the code is exchanged at the OAuth stand-in (Google cannot be reached here).
/// </summary>
public sealed class AuthCommandInProcessTests : IDisposable
{
    private readonly InProcessVerb _verb = new();

    public void Dispose() => _verb.Dispose();

    [Fact]
    public async Task AuthorizeGoogleAsync_NoCredentialsFileSetting_ConfigurationErrorExit5InOneLine()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            AuthCommand.AuthorizeGoogleAsync(_verb.Environment(new() { ["DataDir"] = _verb.Temp.Path }), noBrowser: true, CancellationToken.None));
        var exitCode = CommandLine.Report(failure, _verb.Error);

        Assert.Equal(ExitCodes.Configuration, exitCode);
        var line = Assert.Single(_verb.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Gmail:CredentialsFile", line, StringComparison.Ordinal);
        Assert.Empty(_verb.Out.ToString());
    }

    [Fact]
    public async Task AuthorizeGoogleAsync_CredentialsFileMissing_CredentialErrorExit6WithTheFix()
    {
        var missing = _verb.Temp.File("client_secret.json");

        var failure = await Assert.ThrowsAsync<GoogleAuthorizationException>(() =>
            AuthCommand.AuthorizeGoogleAsync(_verb.Environment(new() { ["DataDir"] = _verb.Temp.Path, ["Gmail:CredentialsFile"] = missing }), noBrowser: true, CancellationToken.None));
        var exitCode = CommandLine.Report(failure, _verb.Error);

        Assert.Equal(ExitCodes.Authentication, exitCode);
        var line = Assert.Single(_verb.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"'{missing}' does not exist", line, StringComparison.Ordinal);
        Assert.Contains("docs/gmail.md", line, StringComparison.Ordinal);
        Assert.False(File.Exists(_verb.Temp.File("gmail-token.json")));
    }

    [Fact]
    public async Task AuthorizeGoogleAsync_NoBrowserWithPastedCode_StoresTheRefreshTokenPrivately()
    {
        await using var oauth = new OAuthTokenStandIn();
        await oauth.StartAsync();
        oauth.Clients["desktop-client"] = "s";
        oauth.AuthorizationCodes["pasted-code"] = "refresh-from-consent";
        var credentials = _verb.Temp.File("client_secret.json");
        SecretFilePermissions.WriteAllTextPrivate(credentials, """{"installed":{"client_id":"desktop-client","client_secret":"s"}}""");
        var tokenFile = _verb.Temp.File("gmail-token.json");
        var environment = _verb.Environment(new()
        {
            ["DataDir"] = _verb.Temp.Path,
            ["Gmail:CredentialsFile"] = credentials,
            ["Gmail:TokenFile"] = tokenFile,
            ["Google:TokenUrl"] = oauth.TokenUrl.ToString(),
        }) with { Input = new StringReader("pasted-code\n") };

        var exitCode = await AuthCommand.AuthorizeGoogleAsync(environment, noBrowser: true, CancellationToken.None);

        Assert.True(exitCode == ExitCodes.Success, _verb.Out.ToString() + _verb.Error);
        Assert.Contains("Open this URL", _verb.Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("Authorized. The refresh token is stored in " + tokenFile, _verb.Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("refresh-from-consent", await File.ReadAllTextAsync(tokenFile), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenFile));
        }
    }
}
