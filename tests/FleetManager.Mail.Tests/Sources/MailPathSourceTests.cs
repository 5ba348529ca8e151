using System.Text;
using FleetManager.Core.Model;
using FleetManager.Mail.Parsing;
using FleetManager.Mail.Sources;

namespace FleetManager.Mail.Tests.Sources;

public sealed class MailPathSourceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fm-mail-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relativePath, string content)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(content));
        return path;
    }

    private static async Task<List<RawMessage>> ReadAll(MailPathSource source)
    {
        var messages = new List<RawMessage>();
        await foreach (var message in source.ReadAsync(CancellationToken.None))
        {
            messages.Add(message);
        }

        return messages;
    }

    private static string Text(RawMessage message) => Encoding.UTF8.GetString(message.Bytes.Span);

    private static string Eml(string subject) => $"From: a@example.com\nSubject: {subject}\n\nbody of {subject}\n";

    [Fact]
    public async Task ReadAsync_Mbox_SplitsOnFromLinesAfterBlankLines()
    {
        var first = "From: a@example.com\nSubject: one\n\nline\n>From the start\n>>From kept once\nFrom inside a paragraph is not a separator\n";
        var second = "From: b@example.com\nSubject: two\n\nsecond body\n";
        var third = "From: c@example.com\nSubject: three\n\nno trailing newline";
        var mbox = "From a@example.com Mon Nov  2 09:00:00 2026\n" + first + "\n"
            + "From b@example.com Mon Nov  2 10:00:00 2026\n" + second + "\n"
            + "From c@example.com Mon Nov  2 11:00:00 2026\n" + third;
        var path = Write("box.mbox", mbox);

        var messages = await ReadAll(new MailPathSource([path]));

        Assert.Equal(3, messages.Count);
        Assert.Equal("From: a@example.com\nSubject: one\n\nline\nFrom the start\n>From kept once\nFrom inside a paragraph is not a separator\n", Text(messages[0]));
        Assert.Equal(second, Text(messages[1]));
        Assert.Equal(third, Text(messages[2]));
        Assert.Equal($"{path}#0", messages[0].SourceKey);
        Assert.Equal($"{path}#{mbox.IndexOf("From b@", StringComparison.Ordinal)}", messages[1].SourceKey);
        Assert.Equal($"{path}#{mbox.IndexOf("From c@", StringComparison.Ordinal)}", messages[2].SourceKey);
        Assert.All(messages, m => Assert.Null(m.ReadError));
    }

    [Fact]
    public async Task ReadAsync_MboxWithCrlf_StripsSeparatorBlankLine()
    {
        var path = Write("crlf.mbox", "From x Mon Nov  2 09:00:00 2026\r\nSubject: a\r\n\r\nA\r\n\r\nFrom y Mon Nov  2 09:00:00 2026\r\nSubject: b\r\n\r\nB\r\n");

        var messages = await ReadAll(new MailPathSource([path]));

        Assert.Equal(["Subject: a\r\n\r\nA\r\n", "Subject: b\r\n\r\nB\r\n"], messages.Select(Text));
    }

    [Fact]
    public async Task ReadAsync_LargeMbox_SplitsAcrossChunkBoundariesAndLongLines()
    {
        var builder = new StringBuilder();
        var expected = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            // Message 150 has a 200 KB line (base64 without breaks), longer than the read buffer.
            var body = i == 150 ? new string('Q', 200_000) : $"body {i} " + new string('x', i * 7);
            var message = $"From: m{i}@example.com\nSubject: {i}\n\n{body}\n";
            expected.Add(message);
            builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"From m{i}@example.com Mon Nov  2 09:00:00 2026\n").Append(message).Append('\n');
        }

        var path = Write("big.mbox", builder.ToString());

        var messages = await ReadAll(new MailPathSource([path]));

        Assert.Equal(expected, messages.Select(Text));
    }

    [Fact]
    public async Task ReadAsync_MboxMessageOverLimit_DeliversReadErrorAndContinues()
    {
        var mbox = "From a Mon Nov  2 09:00:00 2026\n" + Eml("small") + "\n"
            + "From b Mon Nov  2 09:00:00 2026\n" + Eml("big" + new string('x', 500)) + "\n"
            + "From c Mon Nov  2 09:00:00 2026\n" + Eml("after");
        var path = Write("limit.mbox", mbox);

        var messages = await ReadAll(new MailPathSource([path], maxMessageBytes: 200));

        Assert.Equal(3, messages.Count);
        Assert.Null(messages[0].ReadError);
        Assert.Contains("larger than the limit of 200 bytes", messages[1].ReadError, StringComparison.Ordinal);
        Assert.True(messages[1].Bytes.IsEmpty);
        Assert.Equal(Eml("after"), Text(messages[2]));
    }

    [Fact]
    public async Task ReadAsync_EmlOverLimit_DeliversReadError()
    {
        var path = Write("big.eml", Eml(new string('x', 500)));

        var message = Assert.Single(await ReadAll(new MailPathSource([path], maxMessageBytes: 100)));

        Assert.Equal(path, message.SourceKey);
        Assert.Contains("over the message size limit of 100 bytes", message.ReadError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Folder_RecursesInOrdinalOrderAndSkipsNonMail()
    {
        Write("b.eml", Eml("b"));
        Write("A.eml", Eml("A"));
        Write("sub/c.eml", Eml("c"));
        Write("sub/c.expected.json", "{}");
        Write("notes.txt", "not mail");
        Write(".hidden.eml", Eml("hidden"));
        Write("archive/mbox", "From x Mon Nov  2 09:00:00 2026\n" + Eml("mbox1"));
        Write("archive/old.mbox", "From x Mon Nov  2 09:00:00 2026\n" + Eml("mbox2"));
        Write("archive/export", "From x Mon Nov  2 09:00:00 2026\n" + Eml("sniffed"));

        var messages = await ReadAll(new MailPathSource([_root]));

        Assert.Equal(["A", "sniffed", "mbox1", "mbox2", "b", "c"], messages.Select(m => Subject(Text(m))));
        Assert.Equal(Path.Combine(_root, "A.eml"), messages[0].SourceKey);
        Assert.Equal(Path.Combine(_root, "archive", "export") + "#0", messages[1].SourceKey);
    }

    private static string Subject(string message) =>
        message.Split('\n').First(l => l.StartsWith("Subject: ", StringComparison.Ordinal))["Subject: ".Length..];

    [Fact]
    public async Task ReadAsync_Maildir_TakesCurAndNewButNotTmp()
    {
        Write("Maildir/cur/1700000001.M1P1.host:2,S", Eml("seen"));
        Write("Maildir/new/1700000002.M2P2.host", Eml("unseen"));
        Write("Maildir/tmp/1700000003.M3P3.host", Eml("in delivery"));
        Write("Maildir/.Sent/cur/1700000004.M4P4.host:2,S", Eml("sent"));
        Write("Maildir/.Sent/new/.keep", "");
        Write("Maildir/dovecot-uidlist", "3 V1 N4");

        var messages = await ReadAll(new MailPathSource([Path.Combine(_root, "Maildir")]));

        Assert.Equal(["sent", "seen", "unseen"], messages.Select(m => Subject(Text(m))));
    }

    [Fact]
    public async Task ReadAsync_ExplicitFileWithAnyName_IsOneMessageOrAnMbox()
    {
        var single = Write("message.txt", Eml("single"));
        var mbox = Write("export.dat", "From x Mon Nov  2 09:00:00 2026\n" + Eml("m1") + "\nFrom y Mon Nov  2 09:00:00 2026\n" + Eml("m2"));

        var messages = await ReadAll(new MailPathSource([single, mbox]));

        Assert.Equal(["single", "m1", "m2"], messages.Select(m => Subject(Text(m))));
        Assert.Equal(single, messages[0].SourceKey);
        Assert.StartsWith(mbox + "#", messages[1].SourceKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_MissingPath_ThrowsNamingThePath()
    {
        var missing = Path.Combine(_root, "nope");
        var source = new MailPathSource([_root, missing]);

        var exception = await Assert.ThrowsAsync<MailSourceNotFoundException>(() => ReadAll(source));

        Assert.Equal(missing, exception.Path);
        Assert.Contains(missing, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_Stops()
    {
        Write("a.eml", Eml("a"));
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var message in new MailPathSource([_root]).ReadAsync(cancellation.Token))
            {
                Assert.Fail("no message expected after cancellation: " + message.SourceKey);
            }
        });
    }

    [Fact]
    public async Task ReadAsync_CorpusFolder_DeliversEveryMessageParseable()
    {
        var parser = new MimeEmailParser();

        var messages = await ReadAll(new MailPathSource([CorpusLocator.DevDirectory]));

        Assert.Equal(80, messages.Count);
        Assert.Equal(messages.Select(m => m.SourceKey).Order(StringComparer.Ordinal), messages.Select(m => m.SourceKey));
        Assert.All(messages, m => Assert.EndsWith(".eml", m.SourceKey, StringComparison.Ordinal));
        Assert.All(messages, m => Assert.False(string.IsNullOrEmpty(parser.Parse(m).MessageId)));
    }

    [Fact]
    public void Name_ListsPaths()
    {
        Assert.Equal("path:/a,/b", new MailPathSource(["/a", "/b"]).Name);
    }

    [Fact]
    public async Task ReadAsync_HugeMbox_StreamsWithoutReadingAhead()
    {
        // 40 MB of messages: the first message must arrive after reading only the first chunk.
        var path = Path.Combine(_root, "huge.mbox");
        var message = "From x Mon Nov  2 09:00:00 2026\n" + Eml("m" + new string('x', 4000)) + "\n";
        await using (var writer = new StreamWriter(path))
        {
            for (var i = 0; i < 10_000; i++)
            {
                await writer.WriteAsync(message);
            }
        }

        var count = 0;
        long allocatedAtFirst = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        await foreach (var raw in new MailPathSource([path]).ReadAsync(CancellationToken.None))
        {
            if (count == 0)
            {
                allocatedAtFirst = GC.GetAllocatedBytesForCurrentThread() - before;
            }

            Assert.Equal(message.Length - "From x Mon Nov  2 09:00:00 2026\n".Length - 1, raw.Bytes.Length);
            count++;
        }

        Assert.Equal(10_000, count);
        Assert.True(allocatedAtFirst < 1_000_000, $"allocated {allocatedAtFirst} bytes before the first message");
    }
}
