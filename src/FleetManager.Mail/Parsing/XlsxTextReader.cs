// Why one file of ~430 lines: the workbook's parts (shared strings, styles, the sheet list, the sheets)
// are read by one budget that every part draws from while it is inflated, and each reader below is a
// forward-only walk of one part's XML that only makes sense with the others (a sheet's cells refer to
// the shared strings by number and to the date styles by index). Split apart, the budget and those
// tables would have to travel between types for no reader to be usable alone.
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace FleetManager.Mail.Parsing;

/// <summary>
/// Reads the text of an XLSX workbook (one line per row, cells joined by " | ", sheets in workbook
/// order) straight from its zip entries with a forward-only XML reader, in memory and with budgets
/// enforced while inflating and parsing: the decompressed bytes of all parts together
/// (<see cref="EmailParserOptions.MaxInflatedBytes"/>), the characters of one cell (Excel's own
/// 32,767), the number and characters of shared strings, and the text produced. A general-purpose
/// spreadsheet library was used before; it spilled large shared-string tables into world-readable
/// temporary files and held a 100 MB cell whole several times over.
/// </summary>
internal static class XlsxTextReader
{
    /// <summary>Excel's own limit for the characters in one cell: anything longer is not a genuine workbook.</summary>
    public const int MaxCellCharacters = 32_767;

    /// <summary>At most this many shared strings (the cell texts a sheet refers to by number).</summary>
    public const int MaxSharedStrings = 200_000;

    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CloseInput = true,
    };

    public static string Read(byte[] content, EmailParserOptions options, CancellationToken cancellationToken)
    {
        using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        var budget = new InflationBudget(options.MaxInflatedBytes, "the spreadsheet");

        // Shared strings are stored once and referenced by number: all characters together may be a
        // few times the text limit (cells are referenced, not all printed), no more.
        var maxSharedCharacters = (long)options.MaxTextLength * 10;
        var sharedStrings = ReadSharedStrings(zip.GetEntry("xl/sharedStrings.xml"), budget, maxSharedCharacters, cancellationToken);
        var dateStyles = ReadDateStyles(zip.GetEntry("xl/styles.xml"), budget, cancellationToken);
        var builder = new StringBuilder();
        foreach (var sheet in SheetEntries(zip, budget, cancellationToken))
        {
            if (ReadSheet(sheet, budget, sharedStrings, dateStyles, builder, options.MaxTextLength, cancellationToken))
            {
                return builder.ToString();
            }
        }

        return builder.ToString().TrimEnd();
    }

    private static XmlReader Open(ZipArchiveEntry entry, InflationBudget budget, CancellationToken cancellationToken) =>
        XmlReader.Create(new BudgetedReadStream(entry.Open(), budget, cancellationToken), Settings);

    private static List<string> ReadSharedStrings(ZipArchiveEntry? entry, InflationBudget budget, long maxCharacters, CancellationToken cancellationToken)
    {
        var strings = new List<string>();
        if (entry is null)
        {
            return strings;
        }

        long characters = 0;
        using var reader = Open(entry, budget, cancellationToken);
        var text = new StringBuilder();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "si")
            {
                continue;
            }

            if (strings.Count >= MaxSharedStrings)
            {
                throw new AttachmentLimitExceededException(string.Format(CultureInfo.InvariantCulture,
                    "the spreadsheet has more than {0:N0} shared strings (the limit for one workbook)", MaxSharedStrings));
            }

            text.Clear();
            ReadItemText(reader, text, cancellationToken);
            characters += text.Length;
            if (characters > maxCharacters)
            {
                throw new AttachmentLimitExceededException(string.Format(CultureInfo.InvariantCulture,
                    "the spreadsheet's shared strings hold more than {0:N0} characters (10 times the limit Limits:MaxTextLength)", maxCharacters));
            }

            strings.Add(text.ToString());
        }

        return strings;
    }

    /// <summary>
    /// The text of an <c>si</c> or <c>is</c> item (its <c>t</c> elements, phonetic runs left out),
    /// read in chunks so a cell longer than Excel allows is refused before it is held.
    /// </summary>
    private static void ReadItemText(XmlReader reader, StringBuilder text, CancellationToken cancellationToken)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }

        var depth = reader.Depth;
        var inPhonetic = false;
        var inText = false;
        var chunk = new char[4096];
        while (reader.Read() && reader.Depth > depth)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.LocalName == "rPh":
                    inPhonetic = !reader.IsEmptyElement;
                    break;
                case XmlNodeType.EndElement when reader.LocalName == "rPh":
                    inPhonetic = false;
                    break;
                case XmlNodeType.Element when reader.LocalName == "t":
                    inText = !reader.IsEmptyElement;
                    break;
                case XmlNodeType.EndElement when reader.LocalName == "t":
                    inText = false;
                    break;
                case XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA when inText && !inPhonetic:
                    int read;
                    while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        text.Append(chunk, 0, read);
                        if (text.Length > MaxCellCharacters)
                        {
                            throw CellTooLong();
                        }
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private static AttachmentLimitExceededException CellTooLong() => new(string.Format(CultureInfo.InvariantCulture,
        "the spreadsheet has a cell longer than {0:N0} characters (Excel's limit for one cell)", MaxCellCharacters));

    /// <summary>The cell styles (by index) whose number format shows a date, so their serial numbers print as dates.</summary>
    private static HashSet<int> ReadDateStyles(ZipArchiveEntry? entry, InflationBudget budget, CancellationToken cancellationToken)
    {
        var dateStyles = new HashSet<int>();
        if (entry is null)
        {
            return dateStyles;
        }

        var dateFormats = new HashSet<int> { 14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47 };
        using var reader = Open(entry, budget, cancellationToken);
        var inCellFormats = false;
        var index = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "numFmt"
                && int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
                && IsDateFormat(reader.GetAttribute("formatCode")))
            {
                dateFormats.Add(id);
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "cellXfs")
            {
                inCellFormats = !reader.IsEmptyElement;
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs")
            {
                inCellFormats = false;
            }
            else if (inCellFormats && reader.NodeType == XmlNodeType.Element && reader.LocalName == "xf")
            {
                if (int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var format) && dateFormats.Contains(format))
                {
                    dateStyles.Add(index);
                }

                index++;
            }
        }

        return dateStyles;
    }

    /// <summary>A custom number format shows a date when it has day, month or year letters outside quotes and brackets.</summary>
    private static bool IsDateFormat(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return false;
        }

        var quoted = false;
        var bracketed = false;
        foreach (var c in code)
        {
            switch (c)
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '[' when !quoted:
                    bracketed = true;
                    break;
                case ']' when !quoted:
                    bracketed = false;
                    break;
                case 'd' or 'D' or 'm' or 'M' or 'y' or 'Y' when !quoted && !bracketed:
                    return true;
                default:
                    break;
            }
        }

        return false;
    }

    /// <summary>The worksheets in workbook order (workbook.xml and its relationships), else by part name.</summary>
    private static List<ZipArchiveEntry> SheetEntries(ZipArchive zip, InflationBudget budget, CancellationToken cancellationToken)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (zip.GetEntry("xl/_rels/workbook.xml.rels") is { } rels)
        {
            using var reader = Open(rels, budget, cancellationToken);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship"
                    && reader.GetAttribute("Id") is { } id && reader.GetAttribute("Target") is { } target)
                {
                    targets[id] = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                }
            }
        }

        var sheets = new List<ZipArchiveEntry>();
        if (zip.GetEntry("xl/workbook.xml") is { } workbook)
        {
            using var reader = Open(workbook, budget, cancellationToken);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet"
                    && reader.GetAttribute("id", RelationshipNamespace) is { } id
                    && targets.TryGetValue(id, out var target) && zip.GetEntry(target) is { } sheet)
                {
                    sheets.Add(sheet);
                }
            }
        }

        if (sheets.Count == 0)
        {
            sheets.AddRange(zip.Entries
                .Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
                .OrderBy(e => e.FullName.Length).ThenBy(e => e.FullName, StringComparer.Ordinal));
        }

        return sheets;
    }

    /// <summary>Appends the sheet's rows; true when the text limit was reached (stop reading).</summary>
    private static bool ReadSheet(ZipArchiveEntry entry, InflationBudget budget, List<string> sharedStrings, HashSet<int> dateStyles,
        StringBuilder builder, int maxLength, CancellationToken cancellationToken)
    {
        using var reader = Open(entry, budget, cancellationToken);
        var cells = new List<string>();
        var value = new StringBuilder();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName == "row")
            {
                cancellationToken.ThrowIfCancellationRequested();
                cells.Clear();
                if (!reader.IsEmptyElement)
                {
                    ReadRow(reader, sharedStrings, dateStyles, cells, value, cancellationToken);
                }

                AttachmentTextExtractor.AppendRow(builder, cells);
                if (builder.Length > maxLength)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void ReadRow(XmlReader reader, List<string> sharedStrings, HashSet<int> dateStyles, List<string> cells,
        StringBuilder value, CancellationToken cancellationToken)
    {
        var rowDepth = reader.Depth;
        while (reader.Read() && reader.Depth > rowDepth)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c")
            {
                continue;
            }

            var column = ColumnIndex(reader.GetAttribute("r"), cells.Count);
            var type = reader.GetAttribute("t") ?? "n";
            var isDate = int.TryParse(reader.GetAttribute("s"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var style) && dateStyles.Contains(style);
            value.Clear();
            if (!reader.IsEmptyElement)
            {
                var cellDepth = reader.Depth;
                while (reader.Read() && reader.Depth > cellDepth)
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        continue;
                    }

                    if (reader.LocalName == "v")
                    {
                        value.Clear();
                        ReadElementText(reader, value, cancellationToken);
                    }
                    else if (reader.LocalName == "is")
                    {
                        value.Clear();
                        ReadItemText(reader, value, cancellationToken);
                    }
                }
            }

            // Cells may be sparse: keep the column positions so a row stays aligned with its header.
            while (cells.Count < column)
            {
                cells.Add("");
            }

            cells.Add(FormatCell(type, value.ToString(), isDate, sharedStrings));
        }
    }

    private static void ReadElementText(XmlReader reader, StringBuilder text, CancellationToken cancellationToken)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }

        var depth = reader.Depth;
        var chunk = new char[1024];
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                int read;
                while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    text.Append(chunk, 0, read);
                    if (text.Length > MaxCellCharacters)
                    {
                        throw CellTooLong();
                    }
                }
            }
        }
    }

    private static string FormatCell(string type, string value, bool isDate, List<string> sharedStrings)
    {
        switch (type)
        {
            case "s":
                return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < sharedStrings.Count
                    ? sharedStrings[index]
                    : "";
            case "b":
                return value == "1" ? "True" : value == "0" ? "False" : value;
            case "n" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                if (isDate && number is >= 0 and < 2958466)
                {
                    var date = DateTime.FromOADate(number);
                    // Rounded to the minute: serials carry floating-point noise in the seconds.
                    date = new DateTime(date.Ticks - (date.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Unspecified)
                        .AddMinutes(date.Second >= 30 ? 1 : 0);
                    return date.TimeOfDay == TimeSpan.Zero
                        ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                        : date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                }

                return number.ToString(CultureInfo.InvariantCulture);
            default:
                return value;
        }
    }

    /// <summary>The zero-based column of a cell reference ("C7" → 2); the next position when it has none.</summary>
    private static int ColumnIndex(string? reference, int next)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return next;
        }

        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                column = (column * 26) + (c - 'A' + 1);
                letters++;
            }
            else
            {
                break;
            }
        }

        // Excel has 16,384 columns (XFD); a larger or missing reference is not trusted for padding.
        return letters is 0 or > 3 || column > 16_384 ? next : Math.Max(column - 1, next);
    }
}
