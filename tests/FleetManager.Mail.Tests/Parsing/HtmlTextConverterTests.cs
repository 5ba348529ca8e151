using FleetManager.Mail.Parsing;

namespace FleetManager.Mail.Tests.Parsing;

public sealed class HtmlTextConverterTests
{
    [Theory]
    [InlineData(" a\u00A0b \n\n\n c ", "a b\n\nc")]
    [InlineData("\n\u00A0\n x \u00A0\n", "x")]
    [InlineData("a\nb", "a\nb")]
    [InlineData("", "")]
    public void Tidy_BlankRunsAndNoBreakSpaces_KeepsOneBlankLineAndPlainSpaces(string text, string expected)
    {
        Assert.Equal(expected, HtmlTextConverter.Tidy(text));
    }

    [Fact]
    public void Convert_TextWithAndWithoutEntities_DecodesOnlyEntities()
    {
        var text = HtmlTextConverter.Convert("<p>Fish &amp; chips</p><p>plain text</p>");

        Assert.Equal("Fish & chips\nplain text", text);
    }

    [Fact]
    public void Convert_TableWithAnEmptyCornerCell_KeepsTheColumnsAligned()
    {
        var text = HtmlTextConverter.Convert(
            "<table><tr><th></th><th>Beladung</th><th>Entladung</th></tr><tr><td>PLZ / Ort</td><td>28217 Bremen</td><td>61-888 Poznań</td></tr>"
            + "<tr><td>Zeit</td><td></td><td>bis 14:00</td><td></td></tr><tr><td></td><td>nur Text</td><td></td></tr></table>");

        // The corner keeps its place; trailing empty cells and the empty cells of a row with one text are dropped.
        Assert.Equal("| Beladung | Entladung\nPLZ / Ort | 28217 Bremen | 61-888 Poznań\nZeit |  | bis 14:00\nnur Text", text);
    }

    [Fact]
    public void NestingExceeds_VoidTagsDoNotNest_CountsOnlyContainers()
    {
        var voids = string.Concat(Enumerable.Repeat("<br><IMG src=x>", 50));
        var nested = string.Concat(Enumerable.Repeat("<div>", 5));

        Assert.False(HtmlTextConverter.NestingExceeds(voids + nested, 5));
        Assert.True(HtmlTextConverter.NestingExceeds(voids + nested + "<span>", 5));
    }
}
