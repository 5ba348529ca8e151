using System.Text;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Mail.Sources;
using Xunit;

namespace FleetManager.Mail.Tests.Sources;

public sealed class FolderMailboxTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fm-folder-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task ReadNewAsync_FolderWithMessages_ReadsEveryMessageEachPollAndKeepsNoPosition()
    {
        File.WriteAllBytes(Path.Combine(_root, "a.eml"), Encoding.UTF8.GetBytes("Subject: a\r\n\r\nbody a\r\n"));
        Directory.CreateDirectory(Path.Combine(_root, "sub"));
        File.WriteAllBytes(Path.Combine(_root, "sub", "b.eml"), Encoding.UTF8.GetBytes("Subject: b\r\n\r\nbody b\r\n"));
        var mailbox = new FolderMailbox("inbox", _root);

        var first = await ReadAllAsync(mailbox);
        var second = await ReadAllAsync(mailbox);

        Assert.Equal(2, first.Count);
        Assert.Equal(first.Select(m => m.SourceKey), second.Select(m => m.SourceKey));
        // The saved cursor only marks a finished scan (its time is the last successful poll): no position to resume from.
        Assert.Equal(FolderMailbox.ScannedMarker, mailbox.CursorAfterRead);
        Assert.Equal("inbox", mailbox.Name);
    }

    [Fact]
    public async Task AcknowledgeAsync_ProcessedMessage_LeavesTheFileInPlace()
    {
        var path = Path.Combine(_root, "a.eml");
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes("Subject: a\r\n\r\nbody\r\n"));
        var mailbox = new FolderMailbox("inbox", _root);
        var message = (await ReadAllAsync(mailbox)).Single();

        await mailbox.AcknowledgeAsync(message, MailboxOutcome.Processed, CancellationToken.None);

        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task ReadNewAsync_FolderMissing_ThrowsSourceConfigurationExceptionWithFix()
    {
        var mailbox = new FolderMailbox("inbox", Path.Combine(_root, "missing"));

        var error = await Assert.ThrowsAsync<SourceConfigurationException>(() => ReadAllAsync(mailbox));

        Assert.Contains("Folder:Path", error.Fix, StringComparison.Ordinal);
    }

    private static async Task<List<RawMessage>> ReadAllAsync(FolderMailbox mailbox)
    {
        var messages = new List<RawMessage>();
        await foreach (var message in mailbox.ReadNewAsync(null, CancellationToken.None))
        {
            messages.Add(message);
        }

        return messages;
    }
}
