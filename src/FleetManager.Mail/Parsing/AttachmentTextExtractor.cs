using System.Globalization;
using System.Text;
using MiniExcelLibs;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace FleetManager.Mail.Parsing;

/// <summary>
/// Takes the text out of an attachment: PDF text in reading order with its lines, a CSV or XLSX
/// sheet as one line per row with cells joined by " | ", text files as they are. Returns null when
/// the type carries no text or the file is broken: a bad attachment never fails the message.
/// </summary>
internal static class AttachmentTextExtractor
{
    public static string? Extract(string contentType, string? fileName, string? charset, byte[] content, EmailParserOptions options)
    {
        var kind = Classify(contentType, fileName);
        try
        {
            return kind switch
            {
                AttachmentKind.Pdf => ExtractPdf(content, options.MaxPdfPages),
                AttachmentKind.Csv => ExtractCsv(TextDecoder.Decode(content, charset), options.MaxTextLength),
                AttachmentKind.Xlsx => ExtractXlsx(content, options.MaxTextLength),
                AttachmentKind.Html => HtmlTextConverter.Convert(TextDecoder.Decode(content, charset)),
                AttachmentKind.Text => TextDecoder.Decode(content, charset),
                _ => null,
            };
        }
        catch (Exception)
        {
            // Broken or hostile files (corrupt PDF, zip bomb in an XLSX) only lose their text.
            return null;
        }
    }

    internal enum AttachmentKind
    {
        None,
        Pdf,
        Csv,
        Xlsx,
        Html,
        Text,
    }

    internal static AttachmentKind Classify(string contentType, string? fileName)
    {
        var extension = fileName is null ? "" : Path.GetExtension(fileName).ToLowerInvariant();
        var type = contentType.ToLowerInvariant();
        if (type == "application/pdf" || extension == ".pdf")
        {
            return AttachmentKind.Pdf;
        }

        if (type is "text/csv" or "application/csv" or "text/comma-separated-values" or "text/x-csv" or "application/x-csv"
            || extension is ".csv")
        {
            return AttachmentKind.Csv;
        }

        if (type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" || extension == ".xlsx")
        {
            return AttachmentKind.Xlsx;
        }

        if (type == "text/html" || extension is ".html" or ".htm")
        {
            return AttachmentKind.Html;
        }

        if (type.StartsWith("text/", StringComparison.Ordinal) || type is "application/ics" or "application/json" or "application/xml"
            || extension is ".txt" or ".ics" or ".vcf" or ".tsv" or ".xml" or ".json" or ".edi")
        {
            return AttachmentKind.Text;
        }

        return AttachmentKind.None;
    }

    private static string ExtractPdf(byte[] content, int maxPages)
    {
        using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        var builder = new StringBuilder();
        var pageCount = Math.Min(document.NumberOfPages, maxPages);
        for (var number = 1; number <= pageCount; number++)
        {
            Page page;
            try
            {
                page = document.GetPage(number);
            }
            catch (Exception)
            {
                // One broken page (bad font, bad content stream) loses only its own text.
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            AppendPageLines(page, builder);
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>
    /// Groups words into lines by their baseline, left to right, so a table row prints as one line
    /// (the content-stream order of generated PDFs often runs column by column).
    /// </summary>
    private static void AppendPageLines(Page page, StringBuilder builder)
    {
        var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
        if (words.Count == 0)
        {
            return;
        }

        // Top of the page first; words whose baselines are within half a line height share a line.
        words.Sort((a, b) => b.BoundingBox.Bottom.CompareTo(a.BoundingBox.Bottom));
        var lines = new List<List<Word>>();
        var current = new List<Word> { words[0] };
        var lineBottom = words[0].BoundingBox.Bottom;
        var lineHeight = Math.Max(words[0].BoundingBox.Height, 1);
        for (var i = 1; i < words.Count; i++)
        {
            var word = words[i];
            if (Math.Abs(lineBottom - word.BoundingBox.Bottom) <= lineHeight * 0.5)
            {
                current.Add(word);
            }
            else
            {
                lines.Add(current);
                current = [word];
                lineBottom = word.BoundingBox.Bottom;
                lineHeight = Math.Max(word.BoundingBox.Height, 1);
            }
        }

        lines.Add(current);
        foreach (var line in lines)
        {
            line.Sort((a, b) => a.BoundingBox.Left.CompareTo(b.BoundingBox.Left));
            var averageCharWidth = line.Average(w => w.BoundingBox.Width / Math.Max(w.Text.Length, 1));
            for (var i = 0; i < line.Count; i++)
            {
                if (i > 0)
                {
                    // A wide gap is a column break in a table: mark it like an HTML cell boundary.
                    var gap = line[i].BoundingBox.Left - line[i - 1].BoundingBox.Right;
                    builder.Append(gap > averageCharWidth * 3 ? " | " : " ");
                }

                builder.Append(line[i].Text);
            }

            builder.Append('\n');
        }
    }

    private static string ExtractCsv(string text, int maxLength)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var row in CsvRowReader.Read(text))
        {
            AppendRow(builder, row);
            if (builder.Length > maxLength)
            {
                break;
            }
        }

        return builder.ToString().TrimEnd();
    }

    private static string ExtractXlsx(byte[] content, int maxLength)
    {
        using var stream = new MemoryStream(content, writable: false);
        var builder = new StringBuilder();
        foreach (var sheetName in MiniExcel.GetSheetNames(stream))
        {
            stream.Position = 0;
            // MiniExcel hands out rows typed as dynamic; taking them as object first keeps the C# runtime
            // binder (reflection, not Native AOT safe) out: a row is a plain dictionary underneath.
            foreach (object item in MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheetName))
            {
                var row = (IDictionary<string, object?>)item;
                AppendRow(builder, row.Values.Select(FormatCell));

                // A sheet can unpack to far more text than anyone reads; stop at the text limit.
                if (builder.Length > maxLength)
                {
                    return builder.ToString();
                }
            }
        }

        return builder.ToString().TrimEnd();
    }

    private static string FormatCell(object? value) => value switch
    {
        null => "",
        DateTime date when date.TimeOfDay == TimeSpan.Zero => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>One row as one line; empty cells inside the row keep their place so columns stay aligned with the header.</summary>
    private static void AppendRow(StringBuilder builder, IEnumerable<string> cells)
    {
        var texts = cells.Select(c => c.Trim().ReplaceLineEndings(" ")).ToList();
        var count = texts.Count;
        while (count > 0 && texts[count - 1].Length == 0)
        {
            count--;
        }

        if (count == 0)
        {
            return;
        }

        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(" | ");
            }

            builder.Append(texts[i]);
        }

        builder.Append('\n');
    }
}
