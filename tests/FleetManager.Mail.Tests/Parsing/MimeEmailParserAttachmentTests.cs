using System.Text;
using FleetManager.Core.Model;
using FleetManager.Mail.Parsing;
using MimeKit;
using MiniExcelLibs;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace FleetManager.Mail.Tests.Parsing;

public sealed class MimeEmailParserAttachmentTests
{
    private static readonly MimeEmailParser Parser = new();

    private static byte[] BuildPdf(params (double X, double Y, string Text)[] items)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(595, 842);
        foreach (var (x, y, text) in items)
        {
            page.AddText(text, 11, new PdfPoint(x, y), font);
        }

        return builder.Build();
    }

    private static Email ParseWithAttachment(string fileName, byte[] content, string contentType, string text = "Please see the attachment.")
    {
        var body = new BodyBuilder { TextBody = text };
        body.Attachments.Add(fileName, content, ContentType.Parse(contentType));
        return Parser.Parse(TestMessages.Raw(TestMessages.Message("Order", body)));
    }

    [Fact]
    public void Parse_PdfAttachment_ExtractsLinesInReadingOrder()
    {
        // Written column by column (labels first, then values), as many generators do.
        var pdf = BuildPdf(
            (50, 800, "TRANSPORT ORDER 4471-26"),
            (50, 760, "Loading:"),
            (50, 740, "Unloading:"),
            (200, 760, "Achim, 19.10.2026 07:00"),
            (200, 740, "Gorzow Wielkopolski"));

        var email = ParseWithAttachment("order.pdf", pdf, "application/pdf");

        var attachment = Assert.Single(email.Attachments);
        Assert.Equal("application/pdf", attachment.ContentType);
        Assert.Equal(pdf.Length, attachment.Size);
        Assert.Equal(pdf, attachment.Content.ToArray());
        var lines = attachment.Text!.Split('\n');
        Assert.Equal("TRANSPORT ORDER 4471-26", lines[0]);
        Assert.Equal("Loading: | Achim, 19.10.2026 07:00", lines[1]);
        Assert.Equal("Unloading: | Gorzow Wielkopolski", lines[2]);
    }

    [Fact]
    public void Parse_PdfWithMorePagesThanLimit_ReadsOnlyAllowedPages()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(595, 842).AddText("first page", 11, new PdfPoint(50, 800), font);
        builder.AddPage(595, 842).AddText("second page", 11, new PdfPoint(50, 800), font);
        var pdf = builder.Build();
        var parser = new MimeEmailParser(new EmailParserOptions { MaxPdfPages = 1 });
        var body = new BodyBuilder { TextBody = "see pdf" };
        body.Attachments.Add("two.pdf", pdf, ContentType.Parse("application/pdf"));

        var email = parser.Parse(TestMessages.Raw(TestMessages.Message("Order", body)));

        Assert.Equal("first page", email.Attachments[0].Text);
    }

    [Fact]
    public void Parse_CorruptPdf_KeepsMessageWithoutAttachmentText()
    {
        var garbage = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a pdf at all");

        var email = ParseWithAttachment("broken.pdf", garbage, "application/pdf");

        Assert.Equal("Please see the attachment.", email.Body);
        var attachment = Assert.Single(email.Attachments);
        Assert.Null(attachment.Text);
        Assert.Equal("broken.pdf", attachment.FileName);
    }

    [Fact]
    public void Parse_CsvAttachment_RowsAsPipeSeparatedLines()
    {
        var csv = Encoding.UTF8.GetBytes("Load no;City;Weight\r\nAFS-1;\"Linz; Hafen\";24 t\r\nAFS-2;Brno;\"12 \"\"t\"\"\"\r\n");

        var email = ParseWithAttachment("loads.csv", csv, "text/csv");

        Assert.Equal("Load no | City | Weight\nAFS-1 | Linz; Hafen | 24 t\nAFS-2 | Brno | 12 \"t\"", email.Attachments[0].Text);
    }

    [Fact]
    public void Parse_CsvAttachmentAsOctetStream_DetectedByFileName()
    {
        var email = ParseWithAttachment("loads.csv", Encoding.UTF8.GetBytes("a,b\n1,2\n"), "application/octet-stream");

        Assert.Equal("a | b\n1 | 2", email.Attachments[0].Text);
    }

    [Fact]
    public void Parse_XlsxAttachment_RowsAsPipeSeparatedLines()
    {
        using var stream = new MemoryStream();
        var rows = new[]
        {
            new Dictionary<string, object> { ["Ref"] = "KX-1", ["From"] = "Zawiercie", ["Kg"] = 23500 },
            new Dictionary<string, object> { ["Ref"] = "KX-2", ["From"] = "Łódź", ["Kg"] = 8120 },
        };
        stream.SaveAs(rows);

        var email = ParseWithAttachment("spec.xlsx", stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        Assert.Equal("Ref | From | Kg\nKX-1 | Zawiercie | 23500\nKX-2 | Łódź | 8120", email.Attachments[0].Text);
    }

    [Fact]
    public void Parse_CorpusXlsxAttachment_HasSpecificationRows()
    {
        var path = CorpusLocator.File("dva028-pl-platforma-zawiercie-delitzsch.eml");
        var email = Parser.Parse(new RawMessage(path, File.ReadAllBytes(path)));

        var xlsx = Assert.Single(email.Attachments, a => a.FileName!.EndsWith(".xlsx", StringComparison.Ordinal));
        Assert.Contains("1 | HEB-200-S235 | Dwuteownik HEB 200 S235JR | 12 | 4 | 8120", xlsx.Text!.Split('\n'));
    }

    [Fact]
    public void Parse_CorpusPdfOrder_TableRowsComeOutAsLines()
    {
        var path = CorpusLocator.File("dva026-it-ordine-nur-pdf.eml");
        var email = Parser.Parse(new RawMessage(path, File.ReadAllBytes(path)));

        var pdf = Assert.Single(email.Attachments, a => a.ContentType == "application/pdf");
        var lines = pdf.Text!.Split('\n');
        Assert.Contains("Data / ora carico: | 24/11/2026 ore 08:00 - 12:00", lines);
        Assert.Contains("Peso lordo: | 23.800 kg", lines);
    }

    [Fact]
    public void Parse_ImageAttachment_HasNoTextButKeepsContent()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };

        var email = ParseWithAttachment("scan.png", png, "image/png");

        var attachment = Assert.Single(email.Attachments);
        Assert.Null(attachment.Text);
        Assert.Equal(png, attachment.Content.ToArray());
    }

    [Fact]
    public void Parse_AttachmentOverLimit_KeepsSizeWithoutContentOrText()
    {
        var parser = new MimeEmailParser(new EmailParserOptions { MaxAttachmentBytes = 10 });
        var body = new BodyBuilder { TextBody = "see csv" };
        body.Attachments.Add("big.csv", Encoding.ASCII.GetBytes("a,b,c,d,e,f,g\n1,2,3,4,5,6,7\n"), ContentType.Parse("text/csv"));

        var email = parser.Parse(TestMessages.Raw(TestMessages.Message("Order", body)));

        var attachment = Assert.Single(email.Attachments);
        Assert.Null(attachment.Text);
        Assert.True(attachment.Content.IsEmpty);
        Assert.Equal(28, attachment.Size);
    }

    [Fact]
    public void Parse_ForwardedAsAttachment_AppendsOrderTextToBody()
    {
        var original = TestMessages.Message(
            "Transportauftrag 2611-0087",
            new BodyBuilder { TextBody = "Laden: Krefelder Str. 212, 41066 Mönchengladbach\nEntladen: 54-610 Wrocław" },
            "orig-1@example.de");
        var outer = new Multipart("mixed")
        {
            new TextPart("plain") { Text = "Tomek, see the order below." },
            new MessagePart { Message = original, ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) },
        };
        var message = TestMessages.Message("Fwd: Transportauftrag 2611-0087", new BodyBuilder());
        message.Body = outer;

        var email = Parser.Parse(TestMessages.Raw(message));

        Assert.True(email.IsForward);
        Assert.StartsWith("Tomek, see the order below.", email.Body, StringComparison.Ordinal);
        Assert.Contains("Subject: Transportauftrag 2611-0087", email.Body, StringComparison.Ordinal);
        Assert.Contains("Laden: Krefelder Str. 212, 41066 Mönchengladbach", email.Body, StringComparison.Ordinal);
        Assert.Contains(email.Attachments, a => a.ContentType == "message/rfc822");
        Assert.Equal("<test-1@example.com>", email.MessageId);
    }

    [Fact]
    public void Parse_AttachedMessageWithPdf_ListsNestedAttachment()
    {
        var inner = new BodyBuilder { TextBody = "Order attached." };
        inner.Attachments.Add("order.pdf", BuildPdf((50, 800, "Loading: Achim")), ContentType.Parse("application/pdf"));
        var original = TestMessages.Message("Order", inner, "orig-2@example.de");
        var message = TestMessages.Message("FW: Order", new BodyBuilder());
        message.Body = new Multipart("mixed") { new TextPart("plain") { Text = "fyi" }, new MessagePart { Message = original } };

        var email = Parser.Parse(TestMessages.Raw(message));

        Assert.Contains(email.Attachments, a => a.FileName == "order.pdf" && a.Text == "Loading: Achim");
        Assert.Contains("Order attached.", email.Body, StringComparison.Ordinal);
    }
}
