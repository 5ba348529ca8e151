using System.Text;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Mail.Parsing;

namespace FleetManager.Mail.Tests.Parsing;

public sealed class MimeEmailParserQuarantineTests
{
    private static readonly MimeEmailParser Parser = new();

    private static string Reason(RawMessage message) =>
        Assert.Throws<MessageQuarantinedException>(() => Parser.Parse(message)).Message;

    [Fact]
    public void Parse_Empty_QuarantinedAsEmpty()
    {
        Assert.StartsWith("empty message", Reason(new RawMessage("k", ReadOnlyMemory<byte>.Empty)), StringComparison.Ordinal);
        Assert.StartsWith("empty message", Reason(TestMessages.Raw("\r\n  \r\n")), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RandomBinary_QuarantinedAsNotMail()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);

        Assert.StartsWith("not a mail message", Reason(new RawMessage("k", bytes)), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MostlyControlBytes_QuarantinedWithPercentage()
    {
        var bytes = Encoding.ASCII.GetBytes("From: a@example.com\r\n\r\n").Concat(new byte[400]).ToArray();

        Assert.Contains("control characters", Reason(new RawMessage("k", bytes)), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PlainTextWithoutHeaders_QuarantinedAsNotMail()
    {
        Assert.StartsWith("not a mail message", Reason(TestMessages.Raw("Hello, this is just a note\nwith two lines\n")), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HeadersThatAreNotMailHeaders_QuarantinedAsNotMail()
    {
        Assert.Contains("no mail header fields", Reason(TestMessages.Raw("Name: value\nOther: thing\n\nbody\n")), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HeaderOnlyWithoutSubject_QuarantinedAsNoContent()
    {
        var reason = Reason(TestMessages.Raw("From: a@example.com\r\nTo: b@example.com\r\nMessage-ID: <h@example.com>\r\n"));

        Assert.StartsWith("message has no content", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SubjectOnly_IsReadable()
    {
        var email = new MimeEmailParser().Parse(TestMessages.Raw("From: a@example.com\r\nSubject: FTL Berlin > Warszawa 24t\r\nMessage-ID: <s@example.com>\r\n"));

        Assert.Equal("FTL Berlin > Warszawa 24t", email.Subject);
        Assert.Equal("", email.Body);
    }

    [Fact]
    public void Parse_TruncatedMultipart_QuarantinedAsTruncated()
    {
        var raw = "From: a@example.com\r\nSubject: cut\r\nMessage-ID: <t@example.com>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/pl";

        Assert.StartsWith("truncated message", Reason(TestMessages.Raw(raw)), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TruncatedMultipartWithReadableText_KeepsText()
    {
        var raw = "From: a@example.com\r\nSubject: cut\r\nMessage-ID: <t2@example.com>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nLoading Brno 24 t\r\n"
            + "--b1\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK";

        var email = Parser.Parse(TestMessages.Raw(raw));

        Assert.Equal("Loading Brno 24 t", email.Body);
        Assert.Null(Assert.Single(email.Attachments).Text);
    }

    [Fact]
    public void Parse_OverSizeLimit_QuarantinedAsTooLarge()
    {
        var parser = new MimeEmailParser(new EmailParserOptions { MaxMessageBytes = 100 });
        var raw = TestMessages.Raw("From: a@example.com\r\nSubject: big\r\n\r\n" + new string('x', 200));

        var reason = Assert.Throws<MessageQuarantinedException>(() => parser.Parse(raw)).Message;

        Assert.StartsWith("message too large", reason, StringComparison.Ordinal);
        Assert.Contains("100 bytes", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SourceReadError_QuarantinedWithThatReason()
    {
        var raw = new RawMessage("box#12", ReadOnlyMemory<byte>.Empty) { ReadError = "permission denied" };

        Assert.Equal("unreadable message: permission denied", Reason(raw));
    }

    [Fact]
    public void Parse_DeeplyNestedMultiparts_QuarantinedNamingTheDepthLimit()
    {
        var builder = new StringBuilder("From: a@example.com\r\nSubject: deep\r\nMessage-ID: <d@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
        for (var i = 1; i < 200; i++)
        {
            builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"--b{i - 1}\r\nContent-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n");
        }

        builder.Append("--b199\r\nContent-Type: text/plain\r\n\r\ndeep text\r\n");

        // 200 levels against MaxMimeDepth 32: quarantined with the limit named, never a crash or a silent drop.
        Assert.Contains("nested deeper than 32 levels", Reason(TestMessages.Raw(builder.ToString())), StringComparison.Ordinal);
    }
}
