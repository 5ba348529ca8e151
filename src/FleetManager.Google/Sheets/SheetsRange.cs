namespace FleetManager.Google.Sheets;

/// <summary>A1 ranges within the configured tab, always quoted so names with spaces or '!' work.</summary>
internal static class SheetsRange
{
    public static string Quote(string sheetName) => "'" + sheetName.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The key column (A), header included.</summary>
    public static string KeyColumn(string sheetName) => Quote(sheetName) + "!A:A";

    /// <summary>The table the rows are appended to: columns A to the last column.</summary>
    public static string Table(string sheetName) => Quote(sheetName) + "!A1:" + ColumnLetters(SheetsOrderRow.Header.Count) + "1";

    /// <summary>One row of the table, columns A to the last column (values.update of an order's row).</summary>
    public static string Row(string sheetName, int rowNumber) =>
        Quote(sheetName) + "!A" + rowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" +
        ColumnLetters(SheetsOrderRow.Header.Count) + rowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>1 → A, 26 → Z, 27 → AA.</summary>
    public static string ColumnLetters(int column)
    {
        var letters = string.Empty;
        while (column > 0)
        {
            var remainder = (column - 1) % 26;
            letters = (char)('A' + remainder) + letters;
            column = (column - 1) / 26;
        }

        return letters;
    }
}
