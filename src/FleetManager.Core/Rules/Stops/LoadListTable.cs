using FleetManager.Core.Model;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// A load list: a header row naming loading and unloading columns (a CSV/XLSX attachment, an HTML
/// table, a weekly plan) followed by one row per order (wide) or per stop (long). Cells are separated by
/// ";", tabs, " | " or (in a CSV attachment) commas, or aligned in fixed-width columns under a ruler.
/// </summary>
internal sealed class LoadListTable
{
    private static readonly string[] Separators = [" | ", ";", "\t"];

    private static readonly HashSet<string> PostalWords = new(StringComparer.Ordinal)
    {
        "zip", "postal", "postcode", "plz", "cap", "cp", "psc", "kod", "irsz", "irányítószám", "code", "postleitzahl", "zipcode", "pc", "iranyitoszam",
        "postnr", "postnummer", "postinumero", "postinro", "cod", "codigo", "kodas", "indekss", "postiindeks", "indeks", "код", "индекс",
        "posta", "postale", "postar", "kodu", "kodi", "koda", "τκ",
    };

    private static readonly HashSet<string> CityWords = new(StringComparer.Ordinal)
    {
        "city", "ort", "stadt", "town", "miasto", "mesto", "citta", "ciudad", "ville", "varos", "oras", "град", "localita", "miejscowosc", "plaats", "obec", "localidad", "cidade",
        "poststed", "postort", "kaupunki", "paikkakunta", "postitoimipaikka", "miestas", "pilseta", "linn", "grad", "sehir", "πολη",
    };
    private static readonly HashSet<string> CountryWords = new(StringComparer.Ordinal) { "country", "land", "kraj", "pays", "paese", "pais", "orszag", "stat", "tara", "държава", "staat", "ctry", "cc", "ulke", "valsts", "riik", "salis", "drzava", "χωρα", "країна", "страна", "maa" };
    private static readonly HashSet<string> DateWords = new(StringComparer.Ordinal) { "date", "datum", "data", "fecha", "termin", "day", "tag", "dzien", "tarih", "tarihi", "dato", "paiva", "paivamaara", "kuupaev", "дата", "ημερομηνια" };
    private static readonly HashSet<string> TimeWords = new(StringComparer.Ordinal) { "time", "zeit", "window", "slot", "godz", "godzina", "ora", "hora", "uhrzeit", "zeitfenster", "heure", "cas", "okno" };
    private static readonly HashSet<string> AddressWords = new(StringComparer.Ordinal) { "address", "adresse", "street", "strasse", "ulica", "indirizzo", "direccion", "adres", "cim", "adresa", "via", "rue", "adress", "osoite", "gatuadress", "endereco", "adrese", "aadress" };
    private static readonly HashSet<string> CompanyWords = new(StringComparer.Ordinal) { "shipper", "consignee", "company", "firma", "name", "sender", "receiver", "nadawca", "odbiorca", "absender", "empfanger", "versender", "mittente", "destinatario", "expediteur", "destinataire", "remitente", "odesilatel", "prijemce" };

    private LoadListTable(LoadListLayout layout, LoadListColumn[] columns, List<(int Start, int Length)> rows)
    {
        Layout = layout;
        Columns = columns;
        Rows = rows;
    }

    /// <summary>How the rows break into cells.</summary>
    public LoadListLayout Layout { get; }

    public LoadListColumn[] Columns { get; }

    /// <summary>The data rows as spans of the document text.</summary>
    public List<(int Start, int Length)> Rows { get; }

    /// <summary>True for a long list (one row per stop, a column saying which): an order spans several rows.</summary>
    public bool IsLong => Array.Exists(Columns, c => c.Field == LoadListField.StopKind);

    /// <summary>
    /// Finds the first load list in <paramref name="text"/> between two offsets, or null. Comma-separated
    /// rows count only from <paramref name="commaFrom"/> on (a CSV attachment): in a body a comma is prose.
    /// </summary>
    public static LoadListTable? Find(string text, int start, int end, int commaFrom = int.MaxValue)
    {
        var pos = start;
        var previousStart = -1;
        while (pos < end)
        {
            var lineEnd = text.IndexOf('\n', pos, end - pos);
            if (lineEnd < 0)
            {
                lineEnd = end;
            }

            var lineLength = LineLength(text, pos, lineEnd);
            var line = text.Substring(pos, lineLength);
            foreach (var separator in Separators)
            {
                if (line.Contains(separator, StringComparison.Ordinal) && Read(text, pos, lineLength, lineEnd + 1, end, LoadListLayout.Separated(separator)) is { } table)
                {
                    return table;
                }
            }

            if (pos >= commaFrom && line.Contains(',', StringComparison.Ordinal) && Read(text, pos, lineLength, lineEnd + 1, end, LoadListLayout.Separated(",")) is { } csv)
            {
                return csv;
            }

            // A fixed-width table: the header above a ruler of dashes gives the columns.
            if (previousStart >= 0 && line.Contains("--", StringComparison.Ordinal) && LoadListLayout.RulerColumns(line) is { } columns)
            {
                var headerLength = LineLength(text, previousStart, pos - 1);
                if (Read(text, previousStart, headerLength, lineEnd + 1, end, LoadListLayout.FixedWidth(columns)) is { } fixedWidth)
                {
                    return fixedWidth;
                }
            }

            previousStart = pos;
            pos = lineEnd + 1;
        }

        return null;
    }

    /// <summary>Where commas start to separate cells in <paramref name="document"/>: its first attachment (a CSV file).</summary>
    public static int CommaFrom(RulesDocument document) => document.AttachmentStarts.Count > 0 ? document.AttachmentStarts[0] : int.MaxValue;

    /// <summary>The cells of the row at <paramref name="rowStart"/> as absolute spans.</summary>
    public List<(int Start, int Length)> CellSpans(string text, int rowStart, int rowLength) => Layout.Split(text, rowStart, rowLength);

    /// <summary>
    /// The orders of the list as spans: one per row, or in a long list one per run of rows that share
    /// a reference (else a new order wherever a loading row follows an unloading row).
    /// </summary>
    public List<(int Start, int Length)> Orders(string text)
    {
        if (!IsLong)
        {
            return Rows;
        }

        var kind = Array.FindIndex(Columns, c => c.Field == LoadListField.StopKind);
        var reference = Array.FindIndex(Columns, c => c.Field == LoadListField.Reference);
        var orders = new List<(int Start, int Length)>();
        string? previousKey = null;
        bool? previousLoading = null;
        foreach (var (rowStart, rowLength) in Rows)
        {
            var cells = CellSpans(text, rowStart, rowLength);
            var loading = kind < cells.Count ? StopTypeOf(CellText(text, cells[kind])) == StopType.Loading : (bool?)null;
            var key = reference >= 0 && reference < cells.Count ? CellText(text, cells[reference]) : null;
            var startsOrder = orders.Count == 0
                || (reference >= 0 ? key != previousKey : loading == true && previousLoading == false);
            if (startsOrder)
            {
                orders.Add((rowStart, rowLength));
            }
            else
            {
                var (orderStart, _) = orders[^1];
                orders[^1] = (orderStart, rowStart + rowLength - orderStart);
            }

            previousKey = key;
            previousLoading = loading;
        }

        return orders;
    }

    /// <summary>The stop type a cell of a long list's stop-kind column names ("Pakrovimas", "lossen", "Loading"), or null.</summary>
    public static StopType? StopTypeOf(string cell)
    {
        if (cell.Length == 0 || cell.Length > 30)
        {
            return null;
        }

        return StopLabels.Classify(cell, out _) switch
        {
            StopLabelKind.Loading or StopLabelKind.LoadingDate => StopType.Loading,
            StopLabelKind.Unloading or StopLabelKind.UnloadingDate => StopType.Unloading,
            _ => StopLabels.StopTypeOfWord(TextFold.Fold(cell.Trim())) switch { true => StopType.Loading, false => StopType.Unloading, null => null },
        };
    }

    public static string CellText(string text, (int Start, int Length) cell) => text.Substring(cell.Start, cell.Length);

    private static int LineLength(string text, int start, int lineEnd) => lineEnd > start && text[lineEnd - 1] == '\r' ? lineEnd - start - 1 : lineEnd - start;

    private static LoadListTable? Read(string text, int headerStart, int headerLength, int rowsFrom, int end, LoadListLayout layout)
    {
        var headerCells = layout.Split(text, headerStart, headerLength);
        if (headerCells.Count < 4)
        {
            return null;
        }

        var columns = ReadHeader(text, headerCells);
        var rows = ReadRows(text, rowsFrom, end, layout, headerCells.Count);
        if (rows.Count == 0)
        {
            return null;
        }

        LoadListColumnInference.Complete(text, columns, rows, layout);
        return IsUsable(columns) ? new LoadListTable(layout, columns, rows) : null;
    }

    /// <summary>
    /// A wide list needs a loading and an unloading place column; a long list a stop-kind column and
    /// a place column its rows share.
    /// </summary>
    private static bool IsUsable(LoadListColumn[] columns)
    {
        bool loadingPlace = false, unloadingPlace = false, sharedPlace = false, stopKind = false;
        foreach (var column in columns)
        {
            var place = column.Field is LoadListField.Place or LoadListField.City or LoadListField.PostalCode or LoadListField.Address;
            loadingPlace |= place && column.Type == StopType.Loading;
            unloadingPlace |= place && column.Type == StopType.Unloading;
            sharedPlace |= place && column.Type is null;
            stopKind |= column.Field == LoadListField.StopKind;
        }

        return (loadingPlace && unloadingPlace) || (stopKind && sharedPlace);
    }

    private static LoadListColumn[] ReadHeader(string text, List<(int Start, int Length)> headerCells)
    {
        var columns = new LoadListColumn[headerCells.Count];
        for (var i = 0; i < headerCells.Count; i++)
        {
            var cell = CellText(text, headerCells[i]);
            if (cell.Length == 0 || cell.Length > 40 || cell.Any(char.IsAsciiDigit))
            {
                columns[i] = new LoadListColumn(null, LoadListField.None);
                continue;
            }

            var kind = StopLabels.Classify(cell, out _);
            StopType? type = kind switch
            {
                StopLabelKind.Loading or StopLabelKind.LoadingDate => StopType.Loading,
                StopLabelKind.Unloading or StopLabelKind.UnloadingDate => StopType.Unloading,
                _ => null,
            };
            var words = TextFold.Fold(cell).Split([' ', '/', '.', '-', '_', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
            var field = LoadListField.None;
            foreach (var w in words)
            {
                field = PostalWords.Contains(w) ? LoadListField.PostalCode
                    : CityWords.Contains(w) ? LoadListField.City
                    : CountryWords.Contains(w) ? LoadListField.Country
                    : DateWords.Contains(w) ? LoadListField.Date
                    : TimeWords.Contains(w) ? (field == LoadListField.Date ? field : LoadListField.Time)
                    : AddressWords.Contains(w) ? LoadListField.Address
                    : field;
            }

            if (field == LoadListField.None && type is not null)
            {
                field = words.Any(CompanyWords.Contains) ? LoadListField.Company : LoadListField.Place;
            }

            columns[i] = new LoadListColumn(type, field);
        }

        return columns;
    }

    private static List<(int Start, int Length)> ReadRows(string text, int pos, int end, LoadListLayout layout, int columnCount)
    {
        var rows = new List<(int, int)>();
        while (pos < end)
        {
            var lineEnd = text.IndexOf('\n', pos, end - pos);
            if (lineEnd < 0)
            {
                lineEnd = end;
            }

            var lineLength = LineLength(text, pos, lineEnd);
            if (text.AsSpan(pos, lineLength).IsWhiteSpace())
            {
                if (rows.Count > 0)
                {
                    break;
                }

                pos = lineEnd + 1;
                continue;
            }

            if (layout.Separator is not null)
            {
                var count = layout.Count(text, pos, lineLength);
                // A CSV/XLSX row rendered without its empty trailing cells is shorter than the header.
                if (count < Math.Max(3, columnCount / 2) || count > columnCount + 1)
                {
                    break;
                }
            }
            else if (layout.ColumnStarts is { } starts && (lineLength <= starts[^1] || char.IsWhiteSpace(text[pos])))
            {
                // A fixed-width row reaches its last column and starts in the first (an indented line is a note).
                break;
            }

            rows.Add((pos, lineLength));
            pos = lineEnd + 1;
        }

        return rows;
    }
}
