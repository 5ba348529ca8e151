using System.Text;
using FleetManager.Core.Model;
using FleetManager.Mail.Parsing;

namespace FleetManager.Mail.Tests.Parsing;

public sealed class MimeEmailParserHeaderTests
{
    private static readonly MimeEmailParser Parser = new();

    [Fact]
    public void Parse_MessageIdHeader_KeptAsWrittenWithBrackets()
    {
        var email = Parser.Parse(TestMessages.Raw("From: a@example.com\r\nMessage-ID:\r\n <ABC.123+x@Mail.Example.com>  \r\nSubject: s\r\n\r\nbody\r\n"));

        Assert.Equal("<ABC.123+x@Mail.Example.com>", email.MessageId);
        Assert.True(email.HasMessageIdHeader);
    }

    [Fact]
    public void Parse_MissingMessageId_SynthesisesStableIdFromBytes()
    {
        var raw = TestMessages.Raw("From: a@example.com\r\nSubject: s\r\n\r\nbody\r\n");

        var first = Parser.Parse(raw);
        var again = Parser.Parse(new RawMessage("other-key", raw.Bytes.ToArray()));
        var different = Parser.Parse(TestMessages.Raw("From: a@example.com\r\nSubject: s\r\n\r\nbody 2\r\n"));

        Assert.False(first.HasMessageIdHeader);
        Assert.Matches("^<[0-9a-f]{32}@fleetmanager\\.invalid>$", first.MessageId);
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.NotEqual(first.MessageId, different.MessageId);
    }

    [Fact]
    public void Parse_DateHeader_ParsedWithOffset()
    {
        var email = Parser.Parse(TestMessages.Raw("From: a@example.com\r\nDate: Wed, 07 Oct 2026 08:15:44 +0100\r\nSubject: s\r\n\r\nbody\r\n"));

        Assert.Equal(new DateTimeOffset(2026, 10, 7, 8, 15, 44, TimeSpan.FromHours(1)), email.Date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Date: next tuesday maybe\r\n")]
    public void Parse_MissingOrBadDate_IsNull(string dateHeader)
    {
        var email = Parser.Parse(TestMessages.Raw("From: a@example.com\r\n" + dateHeader + "Subject: s\r\n\r\nbody\r\n"));

        Assert.Null(email.Date);
    }

    [Fact]
    public void Parse_ClassificationHeaders_CollectedLowerCased()
    {
        var raw = "Return-Path: <bounce@news.example>\r\nFrom: News <n@news.example>\r\nTo: a@example.com\r\nSubject: s\r\n"
            + "List-Unsubscribe: <https://news.example/u/1>\r\nList-Id: News <news.example>\r\nPrecedence: bulk\r\n"
            + "Auto-Submitted: auto-replied\r\nX-Autoreply: yes\r\nX-Autorespond: yes\r\nX-Auto-Response-Suppress: All\r\n"
            + "X-Mailer: Outlook\r\nX-Other: ignored\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\r\n\r\n"
            + "--r\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n--r\r\nContent-Type: message/delivery-status\r\n\r\n"
            + "Reporting-MTA: dns; mx.example\r\n\r\nFinal-Recipient: rfc822; x@example.com\r\nAction: failed\r\n--r--\r\n";

        var email = Parser.Parse(TestMessages.Raw(raw));

        Assert.Equal("<https://news.example/u/1>", email.Headers["list-unsubscribe"]);
        Assert.Equal("News <news.example>", email.Headers["list-id"]);
        Assert.Equal("bulk", email.Headers["precedence"]);
        Assert.Equal("auto-replied", email.Headers["auto-submitted"]);
        Assert.Equal("yes", email.Headers["x-autoreply"]);
        Assert.Equal("yes", email.Headers["x-autorespond"]);
        Assert.Equal("All", email.Headers["x-auto-response-suppress"]);
        Assert.Equal("Outlook", email.Headers["x-mailer"]);
        Assert.Equal("<bounce@news.example>", email.Headers["return-path"]);
        Assert.Equal("multipart/report; report-type=delivery-status", email.Headers["content-type"]);
        Assert.False(email.Headers.ContainsKey("x-other"));
        Assert.False(email.IsForward);
        Assert.Equal("Delivery failed.", email.Body);
    }

    [Fact]
    public void Parse_AddressesAndEncodedSubject_Decoded()
    {
        var raw = "From: =?utf-8?Q?Tomasz_W=C3=B3jcik?= <t.wojcik@example.pl>\r\nTo: A <a@example.com>, b@example.com\r\n"
            + "Subject: =?utf-8?B?WmxlY2VuaWUgxYHDs2TFug==?=\r\n\r\nbody\r\n";

        var email = Parser.Parse(new RawMessage("k", Encoding.ASCII.GetBytes(raw)));

        Assert.Equal(new EmailAddress("Tomasz Wójcik", "t.wojcik@example.pl"), email.From);
        Assert.Equal([new EmailAddress("A", "a@example.com"), new EmailAddress(null, "b@example.com")], email.To);
        Assert.Equal("Zlecenie Łódź", email.Subject);
    }

    [Fact]
    public void Parse_LeadingMboxFromLine_IsIgnored()
    {
        var email = Parser.Parse(TestMessages.Raw("From a@example.com Mon Nov  2 09:00:00 2026\nFrom: a@example.com\nSubject: kept\nMessage-ID: <m@example.com>\n\nbody\n"));

        Assert.Equal("kept", email.Subject);
        Assert.Equal("<m@example.com>", email.MessageId);
        Assert.Equal("body", email.Body);
    }
}
