using FleetManager.Mail.Parsing;
using MimeKit;

namespace FleetManager.Mail.Tests.Parsing;

public sealed class MimeEmailParserHtmlTests
{
    private static readonly MimeEmailParser Parser = new();

    private static string ParseHtmlBody(string html, string? plain = null, MimeEmailParser? parser = null)
    {
        var builder = new BodyBuilder { HtmlBody = html, TextBody = plain };
        return (parser ?? Parser).Parse(TestMessages.Raw(TestMessages.Message("Order", builder))).Body;
    }

    [Fact]
    public void Parse_HtmlTable_EachRowIsOneLineWithPipeSeparatedCells()
    {
        var body = ParseHtmlBody(
            "<html><body><p>Dear carrier,</p><table><tr><th>Loading</th><td>Venlo<br>NL</td><td></td></tr>"
            + "<tr><td>Date</td><td>20-10-2026 &amp; 21-10-2026</td></tr></table></body></html>");

        var lines = body.Split('\n');
        Assert.Contains("Loading | Venlo NL", lines);
        Assert.Contains("Date | 20-10-2026 & 21-10-2026", lines);
        Assert.Equal("Dear carrier,", lines[0]);
    }

    [Fact]
    public void Parse_HtmlLayoutTableWithNestedDataTable_KeepsInnerRowsAsLines()
    {
        var body = ParseHtmlBody(
            "<table><tr><td><b>Header</b><table><tr><td>Weight</td><td>24 t</td></tr><tr><td>Pallets</td><td>33</td></tr></table></td></tr></table>");

        var lines = body.Split('\n');
        Assert.Contains("Header", lines);
        Assert.Contains("Weight | 24 t", lines);
        Assert.Contains("Pallets | 33", lines);
    }

    [Fact]
    public void Parse_HtmlWithScriptStyleAndEntities_DropsCodeAndDecodesEntities()
    {
        var body = ParseHtmlBody(
            "<html><head><title>T</title><style>p{color:red}</style></head><body><script>alert(1)</script>"
            + "<div>Preis:&nbsp;1.450,-&nbsp;&euro;</div><div>Gr&uuml;&szlig;e</div><p>A<br/>B</p></body></html>");

        Assert.DoesNotContain("alert", body, StringComparison.Ordinal);
        Assert.DoesNotContain("color", body, StringComparison.Ordinal);
        var lines = body.Split('\n');
        Assert.Contains("Preis: 1.450,- €", lines);
        Assert.Contains("Grüße", lines);
        Assert.Contains("A", lines);
        Assert.Contains("B", lines);
    }

    [Fact]
    public void Parse_HtmlWhitespace_IsCollapsed()
    {
        var body = ParseHtmlBody("<div>  Ladung   nach\n   Brno  </div>\n\n\n<div>\n</div><div>Ende</div>");

        Assert.Equal("Ladung nach Brno\nEnde", body);
    }

    [Fact]
    public void Parse_AlternativeWithTrivialPlainPart_UsesHtml()
    {
        var body = ParseHtmlBody(
            "<p>Loading: Kraaivenstraat 25, 5048 AB Tilburg, NL on 19/11/2026 08:00-10:00, 22 pallets, 11,200 kg</p>",
            "See HTML.");

        Assert.Contains("Kraaivenstraat 25", body, StringComparison.Ordinal);
        Assert.DoesNotContain("See HTML", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AlternativeWithRealPlainPart_UsesPlain()
    {
        var body = ParseHtmlBody("<p>HTML version of the order</p>", "Plain version of the order");

        Assert.Equal("Plain version of the order", body);
    }

    [Fact]
    public void Parse_CorpusHtmlOnlyOrder_TableRowsBecomeLines()
    {
        var path = CorpusLocator.File("dva017-de-html-tms-kuehl-2-ladestellen.eml");
        var email = Parser.Parse(new Core.Model.RawMessage(path, File.ReadAllBytes(path)));

        var lines = email.Body.Split('\n');
        Assert.Contains("Temperatur | +2 / +8 °C, Vorkühlung, Thermoschreiber mit Ausdruck bei Entladung", lines);
        Assert.Contains(lines, l => l.StartsWith("1 | Beladung | Hofgut Kaiserstuhl Molkerei GmbH", StringComparison.Ordinal) && l.EndsWith("| 12.300 kg", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ExtremelyDeepHtml_KeepsTextWithoutOverflowingTheStack()
    {
        var html = string.Concat(Enumerable.Repeat("<div><span>", 50_000)) + "deep cargo" + string.Concat(Enumerable.Repeat("</span></div>", 50_000));

        var body = ParseHtmlBody("<table><tr><td>" + html + "</td></tr></table>");

        Assert.Contains("deep cargo", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeepButTreeableHtml_KeepsTextBeyondRecursionLimit()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 300)) + "Weight | 24 t" + string.Concat(Enumerable.Repeat("</div>", 300));

        var body = ParseHtmlBody("<p>Order</p>" + html);

        Assert.Contains("Weight | 24 t", body, StringComparison.Ordinal);
        Assert.StartsWith("Order", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HugeFlatHtml_UsesLinearConverterWithRowsAndCells()
    {
        var rows = string.Concat(Enumerable.Range(0, 40_000).Select(i => $"<tr><td>Load {i}</td><td>24 t</td></tr>"));

        var parser = new MimeEmailParser(new EmailParserOptions { MaxTextLength = 2_000_000 });

        var body = ParseHtmlBody("<style>td{}</style><table>" + rows + "</table>", parser: parser);

        var lines = body.Split('\n');
        Assert.Equal(40_000, lines.Length);
        Assert.Equal("Load 0 | 24 t", lines[0]);
        Assert.Equal("Load 39999 | 24 t", lines[^1]);
    }
}
