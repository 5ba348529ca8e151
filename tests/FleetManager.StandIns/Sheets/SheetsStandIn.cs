using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FleetManager.StandIns.Sheets;

/// <summary>
/// Stand-in for Google Sheets v4 values.get / values.append / values.update (google-apis.md §2) on one
/// spreadsheet held in memory, so tests can read the sheet back. Reproduces: bearer required (401),
/// unknown spreadsheet (404), access refused (403 when <see cref="DenyAccess"/>), unknown tab (400),
/// <c>valueInputOption</c> required (400) and honoured (<c>USER_ENTERED</c> text is read as typed: <see cref="UserEnteredValue"/>), <c>values</c> omitted for an empty range, ragged rows,
/// appends after the table's last row, and values.update of a range where a null cell is left as it is and
/// <c>""</c> clears it (google-apis.md §2). HTTP-level faults come from <see cref="StandInServer.Faults"/>:
/// <see cref="Fault.Truncate"/> and <see cref="Fault.ResetAfterEffect"/> apply the append and then fail.
/// </summary>
public sealed partial class SheetsStandIn(string spreadsheetId = SheetsStandIn.DefaultSpreadsheetId, params string[] tabs) : StandInServer
{
    public const string DefaultSpreadsheetId = "stand-in-spreadsheet";

    private readonly Dictionary<string, List<List<string>>> _tabs = (tabs.Length == 0 ? ["Sheet1"] : tabs)
        .ToDictionary(t => t, _ => new List<List<string>>(), StringComparer.Ordinal);

    private readonly Lock _lock = new();

    public string SpreadsheetId { get; } = spreadsheetId;

    /// <summary>
    /// The OAuth stand-in whose live tokens with the spreadsheets scope alone are accepted; without one, any
    /// non-empty bearer token is taken.
    /// </summary>
    public OAuth.OAuthTokenStandIn? TokenIssuer { get; set; }

    /// <summary>Answer every request with 403 PERMISSION_DENIED (the sheet is not shared with the caller).</summary>
    public bool DenyAccess { get; set; }

    /// <summary>How many appends took effect (including those whose answer a fault then lost).</summary>
    public int AppliedAppends { get; private set; }

    /// <summary>A copy of the tab's rows, as displayed text.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows(string tab = "Sheet1")
    {
        lock (_lock)
        {
            return _tabs[tab].Select(r => (IReadOnlyList<string>)r.ToList()).ToList();
        }
    }

    /// <summary>Puts rows into a tab before a test (a sheet someone already uses).</summary>
    public void Seed(string tab, params string[][] rows)
    {
        lock (_lock)
        {
            _tabs[tab].AddRange(rows.Select(r => r.ToList()));
        }
    }

    protected override void Map(WebApplication app) =>
        app.MapMethods("/v4/spreadsheets/{id}/values/{**range}", ["GET", "POST", "PUT"], HandleAsync);

    private async Task HandleAsync(HttpContext context)
    {
        // Kestrel has decoded %27 and %21; the raw path keeps the ':append' suffix apart from the range.
        var path = context.Request.Path.Value!;
        var id = (string)context.Request.RouteValues["id"]!;
        var rangeText = path[(path.IndexOf("/values/", StringComparison.Ordinal) + "/values/".Length)..];
        var authorization = context.Request.Headers.Authorization.ToString();
        var refusal = TokenIssuer is not null
            ? TokenIssuer.Check(authorization, "https://www.googleapis.com/auth/spreadsheets")
            : authorization.StartsWith("Bearer ", StringComparison.Ordinal) && authorization.Length > "Bearer ".Length
                ? null
                : (401, "Request is missing required authentication credential.");
        if (refusal is { } refused)
        {
            await ErrorAsync(context, refused.Status, refused.Status == 401 ? "UNAUTHENTICATED" : "PERMISSION_DENIED", refused.Message).ConfigureAwait(false);
            return;
        }

        if (id != SpreadsheetId)
        {
            await ErrorAsync(context, 404, "NOT_FOUND", "Requested entity was not found.").ConfigureAwait(false);
            return;
        }

        if (DenyAccess)
        {
            await ErrorAsync(context, 403, "PERMISSION_DENIED", "The caller does not have permission").ConfigureAwait(false);
            return;
        }

        var append = rangeText.EndsWith(":append", StringComparison.Ordinal);
        if (append)
        {
            rangeText = rangeText[..^":append".Length];
        }

        if (!TryParseRange(rangeText, out var tab, out var window))
        {
            await ErrorAsync(context, 400, "INVALID_ARGUMENT", "Unable to parse range: " + rangeText).ConfigureAwait(false);
            return;
        }

        switch (context.Request.Method)
        {
            case "GET":
                await GetAsync(context, rangeText, tab, window).ConfigureAwait(false);
                return;
            case "POST" when append:
            case "PUT":
                await WriteAsync(context, rangeText, tab, window, append).ConfigureAwait(false);
                return;
            default:
                await ErrorAsync(context, 404, "NOT_FOUND", "Method not found.").ConfigureAwait(false);
                return;
        }
    }

    private async Task GetAsync(HttpContext context, string rangeText, string tab, RangeWindow window)
    {
        List<List<string>> rows;
        lock (_lock)
        {
            rows = [.. _tabs[tab]
                .Skip(window.FirstRow - 1)
                .Take(window.LastRow - window.FirstRow + 1)
                .Select(r => r.Skip(window.FirstColumn - 1).Take(window.LastColumn - window.FirstColumn + 1).ToList())];
        }

        // Trailing empty cells and rows are dropped; rows stay ragged.
        foreach (var row in rows)
        {
            while (row.Count > 0 && row[^1].Length == 0)
            {
                row.RemoveAt(row.Count - 1);
            }
        }

        while (rows.Count > 0 && rows[^1].Count == 0)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        await JsonAsync(context, writer =>
        {
            writer.WriteString("range", rangeText);
            writer.WriteString("majorDimension", "ROWS");
            if (rows.Count > 0)
            {
                writer.WriteStartArray("values");
                foreach (var row in rows)
                {
                    writer.WriteStartArray();
                    row.ForEach(writer.WriteStringValue);
                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
            }
        }).ConfigureAwait(false);
    }

    private async Task WriteAsync(HttpContext context, string rangeText, string tab, RangeWindow window, bool append)
    {
        var inputOption = context.Request.Query["valueInputOption"].ToString();
        if (inputOption is not ("RAW" or "USER_ENTERED"))
        {
            await ErrorAsync(context, 400, "INVALID_ARGUMENT", "'valueInputOption' is required but not specified").ConfigureAwait(false);
            return;
        }

        List<List<string?>> values;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            values = document.RootElement.TryGetProperty("values", out var v)
                ? [.. v.EnumerateArray().Select(row => row.EnumerateArray().Select(CellText).ToList())]
                : [];
            if (inputOption == "USER_ENTERED")
            {
                values = [.. values.Select(row => row.Select(c => c is null ? null : UserEnteredValue.Display(c)).ToList())];
            }
        }
        catch (JsonException ex)
        {
            await ErrorAsync(context, 400, "INVALID_ARGUMENT", "Invalid JSON payload received. " + ex.Message).ConfigureAwait(false);
            return;
        }

        int firstRow;
        lock (_lock)
        {
            var sheet = _tabs[tab];
            if (append)
            {
                // The table ends at the last row with any content; INSERT_ROWS and OVERWRITE both land below it here.
                var last = sheet.FindLastIndex(r => r.Any(c => c.Length > 0));
                sheet.RemoveRange(last + 1, sheet.Count - last - 1);
                firstRow = sheet.Count + 1;
                sheet.AddRange(values.Select(r => r.Select(c => c ?? string.Empty).ToList()));
                AppliedAppends++;
            }
            else
            {
                firstRow = window.FirstRow;
                for (var i = 0; i < values.Count; i++)
                {
                    while (sheet.Count < firstRow + i)
                    {
                        sheet.Add([]);
                    }

                    var row = sheet[firstRow + i - 1];
                    for (var j = 0; j < values[i].Count; j++)
                    {
                        while (row.Count < window.FirstColumn + j)
                        {
                            row.Add(string.Empty);
                        }

                        // Google: null leaves the cell as it is, "" clears it.
                        if (values[i][j] is { } text)
                        {
                            row[window.FirstColumn + j - 1] = text;
                        }
                    }
                }
            }
        }

        var columns = values.Count == 0 ? 0 : values.Max(r => r.Count);
        var updatedRange = $"{Quote(tab)}!A{firstRow}:{ColumnLetters(Math.Max(columns, 1))}{firstRow + Math.Max(values.Count, 1) - 1}";
        await JsonAsync(context, writer =>
        {
            writer.WriteString("spreadsheetId", SpreadsheetId);
            if (append)
            {
                writer.WriteString("tableRange", rangeText);
                writer.WriteStartObject("updates");
            }

            writer.WriteString("spreadsheetId", SpreadsheetId);
            writer.WriteString("updatedRange", updatedRange);
            writer.WriteNumber("updatedRows", values.Count);
            writer.WriteNumber("updatedColumns", columns);
            writer.WriteNumber("updatedCells", values.Sum(r => r.Count));
            if (append)
            {
                writer.WriteEndObject();
            }
        }).ConfigureAwait(false);
    }

    private bool TryParseRange(string text, out string tab, out RangeWindow window)
    {
        window = new RangeWindow(1, int.MaxValue - 1, 1, int.MaxValue - 1);
        var bang = text.LastIndexOf('!');
        tab = bang < 0 ? text : text[..bang];
        if (tab.Length >= 2 && tab[0] == '\'' && tab[^1] == '\'')
        {
            tab = tab[1..^1].Replace("''", "'", StringComparison.Ordinal);
        }

        if (!_tabs.ContainsKey(tab))
        {
            return false;
        }

        if (bang < 0)
        {
            return true;
        }

        var match = A1Pattern().Match(text[(bang + 1)..]);
        if (!match.Success)
        {
            return false;
        }

        var firstColumn = ColumnNumber(match.Groups[1].Value) ?? 1;
        var firstRow = match.Groups[2].Value.Length > 0 ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 1;
        var hasEnd = match.Groups[3].Success;
        var lastColumn = hasEnd ? ColumnNumber(match.Groups[4].Value) ?? int.MaxValue - 1 : firstColumn;
        var lastRow = hasEnd
            ? match.Groups[5].Value.Length > 0 ? int.Parse(match.Groups[5].Value, CultureInfo.InvariantCulture) : int.MaxValue - 1
            : firstRow;
        window = new RangeWindow(firstRow, lastRow, firstColumn, lastColumn);
        return true;
    }

    private static int? ColumnNumber(string letters)
    {
        if (letters.Length == 0)
        {
            return null;
        }

        var number = 0;
        foreach (var c in letters)
        {
            number = (number * 26) + (c - 'A' + 1);
        }

        return number;
    }

    private static string ColumnLetters(int column)
    {
        var letters = string.Empty;
        while (column > 0)
        {
            letters = (char)('A' + ((column - 1) % 26)) + letters;
            column = (column - 1) / 26;
        }

        return letters;
    }

    private static string Quote(string tab) => "'" + tab.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>RAW input keeps text as typed; numbers and booleans display as Sheets shows them; null (skip this cell) stays null.</summary>
    private static string? CellText(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.String => cell.GetString()!,
        JsonValueKind.True => "TRUE",
        JsonValueKind.False => "FALSE",
        JsonValueKind.Number => cell.GetRawText(),
        _ => null,
    };

    private static Task ErrorAsync(HttpContext context, int code, string status, string message)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json; charset=UTF-8";
        return context.Response.WriteAsync(GoogleErrorBody.Of(code, status, message), context.RequestAborted);
    }

    private static async Task JsonAsync(HttpContext context, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        context.Response.ContentType = "application/json; charset=UTF-8";
        await context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted).ConfigureAwait(false);
    }

    [GeneratedRegex("^([A-Z]*)([0-9]*)(:([A-Z]*)([0-9]*))?$")]
    private static partial Regex A1Pattern();

    private readonly record struct RangeWindow(int FirstRow, int LastRow, int FirstColumn, int LastColumn);
}
