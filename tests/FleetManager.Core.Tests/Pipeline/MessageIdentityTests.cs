using System.Text;
using FleetManager.Core.Pipeline;
using Xunit;

namespace FleetManager.Core.Tests.Pipeline;

public sealed class MessageIdentityTests
{
    [Fact]
    public void FindMessageIdHeader_HeaderPresent_ReturnsItAsWritten()
    {
        var raw = "From: a@example.com\r\nMessage-ID: <abc.123@mail.example>\r\nSubject: x\r\n\r\nbody"u8;

        Assert.Equal("<abc.123@mail.example>", MessageIdentity.FindMessageIdHeader(raw));
    }

    [Fact]
    public void FindMessageIdHeader_FoldedAndOddCase_ReturnsTheContinuation()
    {
        var raw = "Subject: x\nmessage-id:\n <folded@mail.example>\n\nbody"u8;

        Assert.Equal("<folded@mail.example>", MessageIdentity.FindMessageIdHeader(raw));
    }

    [Fact]
    public void FindMessageIdHeader_OnlyInBody_IsNotTaken()
    {
        var raw = "Subject: x\n\nMessage-ID: <in-body@mail.example>\n"u8;

        Assert.Null(MessageIdentity.FindMessageIdHeader(raw));
    }

    [Fact]
    public void Synthetic_SameBytes_SameIdAndDifferentBytesDifferentId()
    {
        var a = Encoding.ASCII.GetBytes("Subject: one\n\nbody");
        var b = Encoding.ASCII.GetBytes("Subject: two\n\nbody");

        Assert.Equal(MessageIdentity.Synthetic(a), MessageIdentity.Synthetic(a.ToArray()));
        Assert.NotEqual(MessageIdentity.Synthetic(a), MessageIdentity.Synthetic(b));
        Assert.Matches("^<[0-9a-f]{32}@fleetmanager.invalid>$", MessageIdentity.Synthetic(a));
    }

    [Fact]
    public void LedgerKey_WithMessageId_IgnoresTheBytes()
    {
        Assert.Equal(MessageIdentity.LedgerKey("<x@y>", "one"u8), MessageIdentity.LedgerKey("<x@y>", "two"u8));
        Assert.StartsWith("sha256:", MessageIdentity.LedgerKey(null, "two"u8));
    }
}
