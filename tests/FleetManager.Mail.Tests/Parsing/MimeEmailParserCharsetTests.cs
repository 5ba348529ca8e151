using System.Text;
using FleetManager.Core.Model;
using FleetManager.Mail.Parsing;

namespace FleetManager.Mail.Tests.Parsing;

public sealed class MimeEmailParserCharsetTests
{
    private static readonly MimeEmailParser Parser = new();

    private static Email ParseCorpus(string name)
    {
        var path = CorpusLocator.File(name);
        return Parser.Parse(new RawMessage(path, File.ReadAllBytes(path)));
    }

    [Fact]
    public void Parse_Iso885916Body_DecodesRomanianCommaBelowLetters()
    {
        // "Încărcare: Timișoara, țară" in ISO-8859-16: ș is 0xBA and ț 0xFE there (º and þ in Latin-1).
        var body = new byte[] { 0xCE, (byte)'n', (byte)'c', 0xE3, (byte)'r', (byte)'c', (byte)'a', (byte)'r', (byte)'e', (byte)':', (byte)' ' }
            .Concat(Encoding.ASCII.GetBytes("Timi")).Append((byte)0xBA).Concat(Encoding.ASCII.GetBytes("oara, ")).Append((byte)0xFE)
            .Concat(new byte[] { (byte)'a', (byte)'r', 0xE3, (byte)'\r', (byte)'\n' }).ToArray();
        var header = Encoding.ASCII.GetBytes(
            "From: a@b.example\r\nTo: c@d.example\r\nSubject: comanda\r\nMessage-ID: <ro1@b.example>\r\n" +
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=ISO-8859-16\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");

        var email = Parser.Parse(new RawMessage("ro.eml", header.Concat(body).ToArray()));

        Assert.Contains("Încărcare: Timișoara, țară", email.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Iso88597Body_DecodesGreekAndTheEuroSign()
    {
        // "Ναύλος: 1.850 €" in ISO-8859-7:2003, where the euro sign is 0xA4 (a private-use character in .NET's table).
        var greek = Encoding.GetEncoding("iso-8859-7");
        var body = greek.GetBytes("Ναύλος: 1.850 ").Append((byte)0xA4).Concat(Encoding.ASCII.GetBytes("\r\n")).ToArray();
        var header = Encoding.ASCII.GetBytes(
            "From: a@b.example\r\nTo: c@d.example\r\nSubject: entoli\r\nMessage-ID: <el1@b.example>\r\n" +
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=iso-8859-7\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");

        var email = Parser.Parse(new RawMessage("el.eml", header.Concat(body).ToArray()));

        Assert.Contains("Ναύλος: 1.850 €", email.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Koi8rBodyAndBase64Subject_DecodesCyrillic()
    {
        var email = ParseCorpus("dva025-bg-faktura-koi8.eml");

        Assert.StartsWith("Фактура N 0000002291", email.Subject, StringComparison.Ordinal);
        Assert.Contains("Здравейте,", email.Body, StringComparison.Ordinal);
        Assert.Contains("Маршрут: Русе - Видин", email.Body, StringComparison.Ordinal);
        Assert.Equal("Транс Експрес Видин", email.From?.Name);
    }

    [Fact]
    public void Parse_Windows1250QuotedPrintable_DecodesPolish()
    {
        var email = ParseCorpus("dva004-pl-jarocin-gdansk.eml");

        Assert.Contains("Gdańsk", email.Subject, StringComparison.Ordinal);
        Assert.Contains("Dzień dobry", email.Body, StringComparison.Ordinal);
        Assert.Contains("Załadunek: 14.10.2026 (środa)", email.Body, StringComparison.Ordinal);
        Assert.Contains("ul. Przemysłowa 12, 63-200 Jarocin", email.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Windows1251_DecodesBulgarian()
    {
        var email = ParseCorpus("dva006-bg-plovdiv-bukuresht.eml");

        Assert.Contains("Здравей Георги", email.Body, StringComparison.Ordinal);
        Assert.Contains("„Тракия Пак“ АД", email.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Iso88592_DecodesCzechAndHungarian()
    {
        Assert.Contains("Árajánlatot szeretnénk kérni", ParseCorpus("dvb023-hu-ajanlatkeres-gyor-stuttgart.eml").Body, StringComparison.Ordinal);
        Assert.Contains("Pelhřimov", ParseCorpus("dvb013-cs-tms-pelhrimov-korneuburg.eml").Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Windows1250MultipartAlternative_DecodesCzechPlainPart()
    {
        var email = ParseCorpus("dvb006-cs-plachta-roznov-plattling.eml");

        Assert.Contains("DŘEVOKOV Rožnov s.r.o., Meziříčská 1620", email.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EightBitUtf8WithoutCharset_DecodesUtf8()
    {
        var raw = "From: a@example.com\r\nTo: b@example.com\r\nSubject: Ladung München\r\nMessage-ID: <x1@example.com>\r\n"
            + "Content-Type: text/plain\r\nContent-Transfer-Encoding: 8bit\r\n\r\nLaden in München, Straße 5\r\n";
        var email = Parser.Parse(new RawMessage("k", Encoding.UTF8.GetBytes(raw)));

        Assert.Equal("Ladung München", email.Subject);
        Assert.Contains("Laden in München, Straße 5", email.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EightBitLatinWithoutCharset_FallsBackToWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var latin = Encoding.GetEncoding(1252);
        var raw = "From: a@example.com\r\nTo: b@example.com\r\nSubject: Ladung M\u00fcnchen\r\nMessage-ID: <x2@example.com>\r\n"
            + "Content-Transfer-Encoding: 8bit\r\n\r\nPreis 1.200 \u20ac, Gr\u00fc\u00dfe\r\n";
        var email = Parser.Parse(new RawMessage("k", latin.GetBytes(raw)));

        Assert.Equal("Ladung München", email.Subject);
        Assert.Contains("Preis 1.200 €, Grüße", email.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Iso88591LabelWithWindows1252Bytes_DecodesEuroSign()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var head = "From: a@example.com\r\nSubject: =?iso-8859-1?Q?Getr=E4nke?=\r\nMessage-ID: <x3@example.com>\r\n"
            + "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
        var bytes = Encoding.ASCII.GetBytes(head).Concat(Encoding.GetEncoding(1252).GetBytes("Preis 900 \u20ac\r\n")).ToArray();
        var email = Parser.Parse(new RawMessage("k", bytes));

        Assert.Equal("Getränke", email.Subject);
        Assert.Contains("Preis 900 €", email.Body, StringComparison.Ordinal);
    }
}
