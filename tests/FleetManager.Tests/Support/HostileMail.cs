using System.IO.Compression;
using System.Text;

namespace FleetManager.Tests.Support;

/// <summary>
/// Writes the hostile messages of issue 12 §3 as .eml files: small on disk, enormous once
/// decompressed or parsed. Each is built here from scratch (no fixture files), so the test and the
/// benchmark (benchmarks/run-hostile-benchmark.sh) measure the same inputs.
/// </summary>
internal static class HostileMail
{
    /// <summary>File name → what the import must say about it (a word of the quarantine reason).</summary>
    public static readonly IReadOnlyDictionary<string, string> ExpectedReasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["xlsx-huge-cell.eml"] = "limit",
        ["xlsx-huge-shared-strings.eml"] = "limit",
        ["pdf-inflate-bomb.eml"] = "limit",
        ["deep-multipart.eml"] = "nest",
    };

    /// <summary>Writes every hostile message (and one ordinary order) into <paramref name="directory"/>.</summary>
    public static void WriteAll(string directory)
    {
        Directory.CreateDirectory(directory);
        WriteAttachmentMessage(Path.Combine(directory, "xlsx-huge-cell.eml"), "bomb.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", XlsxWithHugeCell(100 * 1024 * 1024));
        WriteAttachmentMessage(Path.Combine(directory, "xlsx-huge-shared-strings.eml"), "strings.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", XlsxWithManySharedStrings(4_000_000));
        WriteAttachmentMessage(Path.Combine(directory, "pdf-inflate-bomb.eml"), "bomb.pdf", "application/pdf", PdfWithInflatingStream(1024L * 1024 * 1024));
        File.WriteAllText(Path.Combine(directory, "deep-multipart.eml"), DeeplyNestedMultipart(200));
        File.WriteAllText(Path.Combine(directory, "huge-subject.eml"), MessageWithSubject(new string('S', 5 * 1024 * 1024)));
    }

    /// <summary>An XLSX whose shared strings hold one cell of <paramref name="cellChars"/> characters (a few hundred KB zipped).</summary>
    public static byte[] XlsxWithHugeCell(long cellChars) => Xlsx(sharedStrings =>
    {
        sharedStrings.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si><t>"u8);
        var chunk = new byte[1024 * 1024];
        chunk.AsSpan().Fill((byte)'A');
        for (var written = 0L; written < cellChars; written += chunk.Length)
        {
            sharedStrings.Write(chunk, 0, (int)Math.Min(chunk.Length, cellChars - written));
        }

        sharedStrings.Write("</t></si></sst>"u8);
    }, sheetCells: 1);

    /// <summary>An XLSX with <paramref name="count"/> shared strings (each short, together far beyond any text limit).</summary>
    public static byte[] XlsxWithManySharedStrings(int count) => Xlsx(sharedStrings =>
    {
        var header = Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"{count}\" uniqueCount=\"{count}\">");
        sharedStrings.Write(header);
        var item = "<si><t>Ladung Hamburg Wien 12345</t></si>"u8.ToArray();
        for (var i = 0; i < count; i++)
        {
            sharedStrings.Write(item);
        }

        sharedStrings.Write("</sst>"u8);
    }, sheetCells: 10);

    /// <summary>A one-page PDF whose FlateDecode content stream inflates to <paramref name="inflatedBytes"/> bytes (about a thousandth of that on disk).</summary>
    public static byte[] PdfWithInflatingStream(long inflatedBytes)
    {
        byte[] compressed;
        using (var buffer = new MemoryStream())
        {
            using (var zlib = new ZLibStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                // Text operators first, so a reader that stops early still sees a real page, then spaces.
                zlib.Write("BT /F1 12 Tf 72 720 Td (Ladung Hamburg) Tj ET\n"u8);
                var chunk = new byte[1024 * 1024];
                chunk.AsSpan().Fill((byte)' ');
                for (var written = 0L; written < inflatedBytes; written += chunk.Length)
                {
                    zlib.Write(chunk, 0, (int)Math.Min(chunk.Length, inflatedBytes - written));
                }
            }

            compressed = buffer.ToArray();
        }

        using var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Write(string text) => pdf.Write(Encoding.ASCII.GetBytes(text));
        void Object(string body)
        {
            offsets.Add(pdf.Position);
            Write($"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }

        Write("%PDF-1.4\n");
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>");
        offsets.Add(pdf.Position);
        Write($"4 0 obj\n<< /Length {compressed.Length} /Filter /FlateDecode >>\nstream\n");
        pdf.Write(compressed);
        Write("\nendstream\nendobj\n");
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var xref = pdf.Position;
        var table = new StringBuilder();
        table.Append("xref\n0 ").Append(offsets.Count + 1).Append("\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        Write(table.ToString());
        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    /// <summary>An order inside <paramref name="depth"/> nested multipart/mixed parts.</summary>
    public static string DeeplyNestedMultipart(int depth)
    {
        var builder = new StringBuilder();
        builder.Append("From: dispo@example.com\r\nTo: orders@example.com\r\nSubject: Transportauftrag tief\r\n")
            .Append("Message-ID: <deep-multipart@hostile.test>\r\nMIME-Version: 1.0\r\n");
        for (var level = 0; level < depth; level++)
        {
            builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"Content-Type: multipart/mixed; boundary=\"b{level}\"\r\n\r\n--b{level}\r\n");
        }

        builder.Append("Content-Type: text/plain; charset=utf-8\r\n\r\nLadestelle: Hamburg, Entladestelle: Wien, 12 t\r\n");
        for (var level = depth - 1; level >= 0; level--)
        {
            builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"--b{level}--\r\n");
        }

        return builder.ToString();
    }

    /// <summary>A plain message with the given subject, folded into 900-character lines.</summary>
    public static string MessageWithSubject(string subject)
    {
        var folded = new StringBuilder(subject.Length + subject.Length / 450);
        for (var i = 0; i < subject.Length; i += 900)
        {
            if (i > 0)
            {
                folded.Append("\r\n ");
            }

            folded.Append(subject, i, Math.Min(900, subject.Length - i));
        }

        return "From: dispo@example.com\r\nTo: orders@example.com\r\nSubject: " + folded
            + "\r\nMessage-ID: <huge-subject@hostile.test>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBitte um Angebot.\r\n";
    }

    /// <summary>A message with one base64 attachment.</summary>
    public static void WriteAttachmentMessage(string path, string fileName, string contentType, byte[] content)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.NewLine = "\r\n";
        writer.WriteLine("From: dispo@example.com");
        writer.WriteLine("To: orders@example.com");
        writer.WriteLine($"Subject: Auftrag {fileName}");
        writer.WriteLine($"Message-ID: <{fileName}@hostile.test>");
        writer.WriteLine("MIME-Version: 1.0");
        writer.WriteLine("Content-Type: multipart/mixed; boundary=\"outer\"");
        writer.WriteLine();
        writer.WriteLine("--outer");
        writer.WriteLine("Content-Type: text/plain; charset=utf-8");
        writer.WriteLine();
        writer.WriteLine("Anbei der Auftrag.");
        writer.WriteLine("--outer");
        writer.WriteLine($"Content-Type: {contentType}; name=\"{fileName}\"");
        writer.WriteLine($"Content-Disposition: attachment; filename=\"{fileName}\"");
        writer.WriteLine("Content-Transfer-Encoding: base64");
        writer.WriteLine();
        var base64 = Convert.ToBase64String(content);
        for (var i = 0; i < base64.Length; i += 76)
        {
            writer.WriteLine(base64.AsSpan(i, Math.Min(76, base64.Length - i)));
        }

        writer.WriteLine("--outer--");
    }

    private static byte[] Xlsx(Action<Stream> writeSharedStrings, int sheetCells)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Entry(string name, string text)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }

            Entry("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
            Entry("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Entry("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Entry("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
            var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            for (var row = 1; row <= sheetCells; row++)
            {
                sheet.Append(System.Globalization.CultureInfo.InvariantCulture, $"<row r=\"{row}\"><c r=\"A{row}\" t=\"s\"><v>{row - 1}</v></c></row>");
            }

            Entry("xl/worksheets/sheet1.xml", sheet.Append("</sheetData></worksheet>").ToString());
            using var strings = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.SmallestSize).Open();
            writeSharedStrings(strings);
        }

        return buffer.ToArray();
    }
}
