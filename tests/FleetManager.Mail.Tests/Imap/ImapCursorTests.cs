using FleetManager.Mail.Imap;

namespace FleetManager.Mail.Tests.Imap;

public sealed class ImapCursorTests
{
    [Fact]
    public void ToString_IsUidValidityColonLastUid_AndParsesBack()
    {
        var cursor = new ImapCursor(1795736573, 42);

        Assert.Equal("1795736573:42", cursor.ToString());
        Assert.True(ImapCursor.TryParse(cursor.ToString(), out var parsed));
        Assert.Equal(cursor, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("42")]
    [InlineData("0:5")]
    [InlineData("abc:5")]
    [InlineData("7:-1")]
    [InlineData("7:5:3")]
    [InlineData("12345678901:1")]
    public void TryParse_NotACursor_ReturnsFalse(string? text) => Assert.False(ImapCursor.TryParse(text, out _));
}
