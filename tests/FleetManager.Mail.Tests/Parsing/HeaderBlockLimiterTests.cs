using System.Text;
using FleetManager.Core.Model;
using FleetManager.Mail.Parsing;

namespace FleetManager.Mail.Tests.Parsing;

/// <summary>Issue 12 §3: the header block is bounded before MimeKit parses it; the body (and its order) stays.</summary>
public sealed class HeaderBlockLimiterTests
{
    private const string Body = "Ladestelle: Hamburg, 12.12.2026\r\nEntladestelle: Berlin\r\n24 Paletten, 12.000 kg\r\n";

    [Fact]
    public void Limit_OrdinaryMessage_ReturnsTheSameBytes()
    {
        var bytes = Encoding.ASCII.GetBytes("From: a@example.com\r\nSubject: s\r\n\r\n" + Body);

        var limited = HeaderBlockLimiter.Limit(bytes, EmailParserOptions.DefaultMaxHeaderBlockBytes);

        Assert.True(limited.Span == bytes.AsSpan(), "an ordinary message is passed on without a copy");
    }

    [Fact]
    public void Limit_FiveMegabyteSubject_CutToAQuarterOfTheLimitAndTheBodyKept()
    {
        var bytes = Encoding.ASCII.GetBytes(
            "From: a@example.com\r\nSubject: " + new string('S', 5 * 1024 * 1024) + "\r\nMessage-ID: <m@example.com>\r\n\r\n" + Body);

        var limited = Encoding.ASCII.GetString(HeaderBlockLimiter.Limit(bytes, 256 * 1024).Span);

        var headerBlock = limited[..limited.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        Assert.InRange(headerBlock.Length, 64 * 1024, 256 * 1024);
        Assert.EndsWith("\r\nMessage-ID: <m@example.com>", headerBlock);
        Assert.EndsWith("\r\n\r\n" + Body, limited);
    }

    [Fact]
    public void Limit_ThousandsOfJunkFieldsBeforeTheRealOnes_KeepsTheFieldsNeededToReadTheMessage()
    {
        var junk = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            junk.Append("X-Junk-").Append(i).Append(": ").Append('j', 40).Append("\r\n");
        }

        var bytes = Encoding.ASCII.GetBytes(
            junk + "List-Id: <news.example>\r\nFrom: Dispo <dispo@example.com>\r\nSubject: Auftrag 4471\r\nMessage-ID: <m@example.com>\r\n" +
            "Content-Type: text/plain; charset=utf-8\r\n\r\n" + Body);

        var limited = Encoding.ASCII.GetString(HeaderBlockLimiter.Limit(bytes, 64 * 1024).Span);

        var headerBlock = limited[..limited.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        Assert.InRange(headerBlock.Length, 60 * 1024, 65 * 1024);
        Assert.DoesNotContain("List-Id", headerBlock);
        Assert.Contains("\r\nFrom: Dispo <dispo@example.com>\r\nSubject: Auftrag 4471\r\nMessage-ID: <m@example.com>\r\nContent-Type: text/plain; charset=utf-8", headerBlock);
        Assert.EndsWith(Body, limited);
    }

    [Fact]
    public void Parse_HugeFoldedSubjectBeforeTheMessageId_MessageReadWithItsIdAndBody()
    {
        var raw = Encoding.ASCII.GetBytes(
            "From: dispo@example.com\r\nSubject: " + string.Join("\r\n ", Enumerable.Repeat(new string('S', 900), 6000)) +
            "\r\nMessage-ID: <after-the-subject@example.com>\r\n\r\n" + Body);

        var email = new MimeEmailParser().Parse(new RawMessage("huge", raw));

        Assert.Equal("<after-the-subject@example.com>", email.MessageId);
        Assert.Equal(EmailParserOptions.DefaultMaxHeaderLength, email.Subject!.Length);
        Assert.Contains("Ladestelle: Hamburg", email.Body);
    }

    [Fact]
    public void Parse_HeaderFieldsPastTheBlockLimit_OnlyTheEssentialOnesRead()
    {
        var junk = new StringBuilder();
        for (var i = 0; i < 2_000; i++)
        {
            junk.Append("Received: from relay").Append(i).Append(".example by mx.example; Mon, 30 Nov 2026 10:14:58 +0100\r\n");
        }

        var raw = Encoding.ASCII.GetBytes(
            junk + "List-Unsubscribe: <mailto:u@news.example>\r\nFrom: dispo@example.com\r\nSubject: Auftrag\r\n\r\n" + Body);
        var parser = new MimeEmailParser(new EmailParserOptions { MaxHeaderBlockBytes = 16 * 1024 });

        var email = parser.Parse(new RawMessage("many", raw));

        Assert.Equal("Auftrag", email.Subject);
        Assert.Equal("dispo@example.com", email.From!.Address);
        Assert.False(email.Headers.ContainsKey("list-unsubscribe"));
        Assert.Contains("Ladestelle: Hamburg", email.Body);
    }
}
