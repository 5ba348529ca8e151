using FleetManager.Mail.Imap;
using Microsoft.Extensions.Time.Testing;

namespace FleetManager.Mail.Tests.Imap;

/// <summary>What needs no server: the SASL mechanism, names, and waiting without IDLE.</summary>
public sealed class ImapMailboxUnitTests
{
    private static ImapOptions Options() => new() { Host = "imap.example.com", Username = "dispo@example.com", Password = "secret", Folder = "Orders" };

    [Fact]
    public void OAuthMechanism_IsXOAuth2WithTheUserAndToken()
    {
        var mechanism = ImapMailbox.OAuthMechanism("dispo@example.com", "token-123");

        Assert.Equal("XOAUTH2", mechanism.MechanismName);
        Assert.Equal("dispo@example.com", mechanism.Credentials.UserName);
        Assert.Equal("token-123", mechanism.Credentials.Password);
    }

    [Fact]
    public async Task Name_AndSourceKey_NameUserHostFolderAndUid()
    {
        await using var mailbox = new ImapMailbox(Options());

        Assert.Equal("imap:dispo@example.com@imap.example.com/Orders", mailbox.Name);
        Assert.Equal("imap:dispo@example.com@imap.example.com/Orders/7/42", mailbox.SourceKeyOf(7, 42));
    }

    [Fact]
    public async Task WaitForNewMailAsync_IdleDisabled_WaitsOutTheIntervalOnTheClock()
    {
        var options = Options();
        options.UseIdle = false;
        var time = new FakeTimeProvider();
        await using var mailbox = new ImapMailbox(options, timeProvider: time);

        var waiting = mailbox.WaitForNewMailAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.False(await waiting);
    }
}
