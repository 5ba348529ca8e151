using FleetManager.Mail.Parsing;

namespace FleetManager.Mail.Tests.Parsing;

public sealed class MimeContentCollectorTests
{
    [Theory]
    [InlineData("a\r\nb\rc\nd", "a\nb\nc\nd")]
    [InlineData("a \t\u00A0\r\n\r\nb  ", "a\n\nb")]
    [InlineData("\r\n\n  \nline\n\n\n", "line")]
    [InlineData("\r\r\n", "")]
    [InlineData("", "")]
    [InlineData("  only blanks \u00A0", "  only blanks")]
    [InlineData("x\r", "x")]
    public void NormalizePlain_MixedLineEndsAndBlanks_GivesUnixLinesWithoutTrailingBlanks(string text, string expected)
    {
        Assert.Equal(expected, MimeContentCollector.NormalizePlain(text));
    }

    [Fact]
    public void NormalizePlain_LongText_KeepsEveryLine()
    {
        var text = string.Concat(Enumerable.Range(0, 2000).Select(i => $"line {i} \r\n"));

        var normalized = MimeContentCollector.NormalizePlain(text);

        Assert.Equal(string.Join('\n', Enumerable.Range(0, 2000).Select(i => $"line {i}")), normalized);
    }
}
