using FleetManager.Core.Model;
using FleetManager.Core.Text;

namespace FleetManager.Core.Rules.Stops;

/// <summary>
/// A load list: a header row naming loading and unloading columns (a CSV/XLSX attachment, an HTML
/// table, a weekly plan) followed by one row per order. Cells are separated by ";", tabs or " | ".
/// </summary>
internal sealed class LoadListTable
{
    private static readonly string[] Separators = [" | ", ";", "\t"];

    private static readonly HashSet<string> PostalWords = new(StringComparer.Ordinal) { "zip", "postal", "postcode", "plz", "cap", "cp", "psc", "kod", "irsz", "irányítószám", "code", "postleitzahl", "zipcode", "pc", "iranyitoszam" };
    private static readonly HashSet<string> CityWords = new(StringComparer.Ordinal) { "city", "ort", "stadt", "town", "miasto", "mesto", "citta", "ciudad", "ville", "varos", "oras", "град", "localita", "miejscowosc", "plaats", "obec", "localidad", "cidade" };
    private static readonly HashSet<string> CountryWords = new(StringComparer.Ordinal) { "country", "land", "kraj", "pays", "paese", "pais", "orszag", "stat", "tara", "държава", "staat", "ctry", "cc" };
    private static readonly HashSet<string> DateWords = new(StringComparer.Ordinal) { "date", "datum", "data", "fecha", "termin", "day", "tag", "dzien", "datum" };
    private static readonly HashSet<string> TimeWords = new(StringComparer.Ordinal) { "time", "zeit", "window", "slot", "godz", "godzina", "ora", "hora", "uhrzeit", "zeitfenster", "heure", "cas", "okno" };
    private static readonly HashSet<string> AddressWords = new(StringComparer.Ordinal) { "address", "adresse", "street", "strasse", "ulica", "indirizzo", "direccion", "adres", "cim", "adresa", "via", "rue" };
    private static readonly HashSet<string> CompanyWords = new(StringComparer.Ordinal) { "shipper", "consignee", "company", "firma", "name", "sender", "receiver", "nadawca", "odbiorca", "absender", "empfanger", "versender", "mittente", "destinatario", "expediteur", "destinataire", "remitente", "odesilatel", "prijemce" };

    private LoadListTable(string separator, LoadListColumn[] columns, List<(int Start, int Length)> rows)
    {
        Separator = separator;
        Columns = columns;
        Rows = rows;
    }

    public string Separator { get; }

    public LoadListColumn[] Columns { get; }

    /// <summary>The data rows as spans of the document text.</summary>
    public List<(int Start, int Length)> Rows { get; }

    /// <summary>Finds the first load list in <paramref name="text"/> between two offsets, or null.</summary>
    public static LoadListTable? Find(string text, int start, int end)
    {
        var pos = start;
        while (pos < end)
        {
            var lineEnd = text.IndexOf('\n', pos, end - pos);
            if (lineEnd < 0)
            {
                lineEnd = end;
            }

            var line = text[pos..lineEnd].TrimEnd('\r');
            foreach (var separator in Separators)
            {
                if (!line.Contains(separator, StringComparison.Ordinal))
                {
                    continue;
                }

                var columns = ReadHeader(line, separator);
                if (columns is not null)
                {
                    var rows = ReadRows(text, lineEnd + 1, end, separator, columns.Length);
                    if (rows.Count > 0)
                    {
                        return new LoadListTable(separator, columns, rows);
                    }
                }
            }

            pos = lineEnd + 1;
        }

        return null;
    }

    /// <summary>The cells of a row (the separator split, trimmed).</summary>
    public string[] Cells(string row) => row.TrimEnd('\r').Split(Separator).Select(c => c.Trim().Trim('"')).ToArray();

    private static LoadListColumn[]? ReadHeader(string line, string separator)
    {
        var cells = line.Trim().TrimStart('\uFEFF').Split(separator);
        if (cells.Length < 4)
        {
            return null;
        }

        var columns = new LoadListColumn[cells.Length];
        bool loadingPlace = false, unloadingPlace = false;
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i].Trim().Trim('"');
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
                    : TimeWords.Contains(w) ? LoadListField.Time
                    : AddressWords.Contains(w) ? LoadListField.Address
                    : field;
            }

            if (field == LoadListField.None && type is not null)
            {
                field = words.Any(CompanyWords.Contains) ? LoadListField.Company : LoadListField.Place;
            }

            if (type == StopType.Loading && field is LoadListField.Place or LoadListField.City or LoadListField.PostalCode or LoadListField.Address)
            {
                loadingPlace = true;
            }

            if (type == StopType.Unloading && field is LoadListField.Place or LoadListField.City or LoadListField.PostalCode or LoadListField.Address)
            {
                unloadingPlace = true;
            }

            columns[i] = new LoadListColumn(type, field);
        }

        return loadingPlace && unloadingPlace ? columns : null;
    }

    private static List<(int Start, int Length)> ReadRows(string text, int pos, int end, string separator, int columnCount)
    {
        var rows = new List<(int, int)>();
        while (pos < end)
        {
            var lineEnd = text.IndexOf('\n', pos, end - pos);
            if (lineEnd < 0)
            {
                lineEnd = end;
            }

            var line = text[pos..lineEnd].TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                if (rows.Count > 0)
                {
                    break;
                }

                pos = lineEnd + 1;
                continue;
            }

            var count = line.Split(separator).Length;
            if (count < columnCount - 1 || count > columnCount + 1)
            {
                break;
            }

            rows.Add((pos, line.Length));
            pos = lineEnd + 1;
        }

        return rows;
    }
}
