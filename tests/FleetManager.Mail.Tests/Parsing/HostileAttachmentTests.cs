using System.Text;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Mail.Parsing;
using FleetManager.Tests.Support;

namespace FleetManager.Mail.Tests.Parsing;

/// <summary>Issue 12 §3: hostile attachments are refused while they are decompressed, with a reason naming the limit.</summary>
public sealed class HostileAttachmentTests
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static RawMessage WithAttachment(string fileName, string contentType, byte[] content)
    {
        var path = Path.Combine(Path.GetTempPath(), "fm-hostile-" + Guid.NewGuid().ToString("N") + ".eml");
        try
        {
            HostileMail.WriteAttachmentMessage(path, fileName, contentType, content);
            return new RawMessage(path, File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_XlsxWithCellLongerThanExcelAllows_QuarantinedNamingTheCellLimit()
    {
        var raw = WithAttachment("bomb.xlsx", XlsxType, HostileMail.XlsxWithHugeCell(200_000));

        var error = Assert.Throws<MessageQuarantinedException>(() => new MimeEmailParser().Parse(raw));

        Assert.Contains("bomb.xlsx", error.Message);
        Assert.Contains("32,767 characters", error.Message);
    }

    [Fact]
    public void Parse_XlsxWithTooManySharedStrings_QuarantinedNamingTheLimit()
    {
        var raw = WithAttachment("strings.xlsx", XlsxType, HostileMail.XlsxWithManySharedStrings(XlsxTextReader.MaxSharedStrings + 1));
        var parser = new MimeEmailParser(new EmailParserOptions { MaxTextLength = 10_000_000, MaxInflatedBytes = 1L << 30 });

        var error = Assert.Throws<MessageQuarantinedException>(() => parser.Parse(raw));

        Assert.Contains("more than 200,000 shared strings", error.Message);
    }

    [Fact]
    public void Parse_XlsxInflatingPastTheBudget_StopsAtMaxInflatedBytes()
    {
        // 100,000 strings are about 3.6 MB of XML: over a 1 MB budget, counted while inflating.
        var raw = WithAttachment("strings.xlsx", XlsxType, HostileMail.XlsxWithManySharedStrings(100_000));
        var parser = new MimeEmailParser(new EmailParserOptions { MaxInflatedBytes = 1024 * 1024, MaxTextLength = 10_000_000 });

        var error = Assert.Throws<MessageQuarantinedException>(() => parser.Parse(raw));

        Assert.Contains("MaxInflatedBytes", error.Message);
        Assert.Contains("1 MB", error.Message);
    }

    [Fact]
    public void Parse_PdfWhoseContentStreamInflatesPastTheLimit_QuarantinedNamingTheLimit()
    {
        var raw = WithAttachment("bomb.pdf", "application/pdf", HostileMail.PdfWithInflatingStream(64L * 1024 * 1024));

        var error = Assert.Throws<MessageQuarantinedException>(() => new MimeEmailParser().Parse(raw));

        Assert.Contains("bomb.pdf", error.Message);
        Assert.Contains("MaxInflatedBytes", error.Message);
    }

    [Fact]
    public void Parse_SmallFlatePdf_StillRead()
    {
        var raw = WithAttachment("small.pdf", "application/pdf", HostileMail.PdfWithInflatingStream(1024));

        var email = new MimeEmailParser().Parse(raw);

        Assert.Contains("Ladung Hamburg", Assert.Single(email.Attachments).Text);
    }

    [Fact]
    public void Parse_MultipartsNestedDeeperThanTheLimit_QuarantinedInsteadOfDroppingTheOrder()
    {
        var raw = new RawMessage("deep", Encoding.ASCII.GetBytes(HostileMail.DeeplyNestedMultipart(200)));

        var error = Assert.Throws<MessageQuarantinedException>(() => new MimeEmailParser().Parse(raw));

        Assert.Contains("nested deeper than 32 levels", error.Message);
        Assert.Contains("MaxMimeDepth", error.Message);
    }

    [Fact]
    public void Parse_MultipartsNestedWithinTheLimit_OrderRead()
    {
        var raw = new RawMessage("deep", Encoding.ASCII.GetBytes(HostileMail.DeeplyNestedMultipart(20)));

        var email = new MimeEmailParser().Parse(raw);

        Assert.Contains("Ladestelle: Hamburg", email.Body);
    }

    [Fact]
    public void Parse_FiveMegabyteSubject_StoredCutToTheHeaderLimit()
    {
        var raw = new RawMessage("subject", Encoding.ASCII.GetBytes(HostileMail.MessageWithSubject(new string('S', 5 * 1024 * 1024))));

        var email = new MimeEmailParser().Parse(raw);

        Assert.Equal(EmailParserOptions.DefaultMaxHeaderLength, email.Subject!.Length);
    }

    [Fact]
    public void Parse_CancelledWhileReadingAnAttachment_StopsWithCancellation()
    {
        var raw = WithAttachment("strings.xlsx", XlsxType, HostileMail.XlsxWithManySharedStrings(1000));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => new MimeEmailParser().Parse(raw, cancelled.Token));
    }

    [Fact]
    public void Parse_OrdinaryXlsx_ReadWithoutMiniExcel()
    {
        var raw = WithAttachment("small.xlsx", XlsxType, HostileMail.XlsxWithManySharedStrings(3));

        var email = new MimeEmailParser().Parse(raw);

        Assert.Equal("Ladung Hamburg Wien 12345\nLadung Hamburg Wien 12345\nLadung Hamburg Wien 12345", Assert.Single(email.Attachments).Text);
    }
}
