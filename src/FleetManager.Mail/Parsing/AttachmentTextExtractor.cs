using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace FleetManager.Mail.Parsing;

/// <summary>
/// Takes the text out of an attachment: PDF text in reading order with its lines, a CSV or XLSX
/// sheet as one line per row with cells joined by " | ", text files as they are. Returns null when
/// the type carries no text or the file is broken: a broken attachment never fails the message. A file
/// that would pass a limit while being decompressed or parsed (<see cref="EmailParserOptions.MaxInflatedBytes"/>,
/// a cell longer than Excel allows) is refused with <see cref="AttachmentLimitExceededException"/>: the
/// message is quarantined with that reason rather than read without the file.
/// </summary>
internal static class AttachmentTextExtractor
{
    /// <exception cref="AttachmentLimitExceededException">Reading the file would pass a limit (its reason names the file and the limit).</exception>
    /// <exception cref="OperationCanceledException">The message's time ran out: extraction stops where it is.</exception>
    public static string? Extract(string contentType, string? fileName, string? charset, byte[] content, EmailParserOptions options, CancellationToken cancellationToken = default)
    {
        var kind = Classify(contentType, fileName);
        try
        {
            return kind switch
            {
                AttachmentKind.Pdf => ExtractPdf(content, options, cancellationToken),
                AttachmentKind.Csv => ExtractCsv(TextDecoder.Decode(content, charset), options.MaxTextLength),
                AttachmentKind.Xlsx => XlsxTextReader.Read(content, options, cancellationToken),
                AttachmentKind.Html => HtmlTextConverter.Convert(LimitHtml(TextDecoder.Decode(content, charset), options)),
                AttachmentKind.Text => TextDecoder.Decode(content, charset),
                _ => null,
            };
        }
        catch (AttachmentLimitExceededException ex)
        {
            throw new AttachmentLimitExceededException($"attachment '{fileName ?? contentType}': {ex.Message}");
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception)
        {
            // Broken files (corrupt PDF, damaged zip) only lose their text; files over a limit are refused above.
            return null;
        }
    }

    /// <summary>
    /// HTML beyond ten times the text limit is cut before it is parsed: its text would be cut anyway, and a
    /// DOM of megabytes of markup costs many times its size in memory.
    /// </summary>
    internal static string LimitHtml(string html, EmailParserOptions options)
    {
        var max = (long)options.MaxTextLength * 10;
        return html.Length <= max ? html : html[..(int)max];
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

    private static string ExtractPdf(byte[] content, EmailParserOptions options, CancellationToken cancellationToken)
    {
        // Every stream PdfPig decodes goes through the budget (a quarter of it for one stream), counted while inflating.
        var budget = new InflationBudget(options.MaxInflatedBytes, "the PDF");
        var filters = new BudgetedPdfFilterProvider(budget, Math.Max(options.MaxInflatedBytes / 4, 1), cancellationToken);
        using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, FilterProvider = filters });
        var builder = new StringBuilder();
        var pageCount = Math.Min(document.NumberOfPages, options.MaxPdfPages);
        for (var number = 1; number <= pageCount; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Page page;
            try
            {
                page = document.GetPage(number);
            }
            catch (Exception ex) when (ex is not AttachmentLimitExceededException and not OperationCanceledException)
            {
                // One broken page (bad font, bad content stream) loses only its own text.
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            AppendPageLines(page, builder);
            if (builder.Length > options.MaxTextLength)
            {
                break;
            }
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

    /// <summary>One row as one line; empty cells inside the row keep their place so columns stay aligned with the header.</summary>
    internal static void AppendRow(StringBuilder builder, IEnumerable<string> cells)
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
