using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace FleetManager.Google.Sheets;

/// <summary>
/// The three Sheets v4 calls the sink needs (values.get, values.append, values.update), as a typed
/// client: retries, timeouts and the bearer token come from the handlers registered by
/// <see cref="SheetsServiceCollectionExtensions.AddSheets"/>. Failures are sorted for the caller:
/// <see cref="SheetsRejectedException"/> (stop, fix the configuration) or
/// <see cref="SheetsUnavailableException"/> (retry later; a write may have taken effect).
/// </summary>
public sealed class SheetsClient(HttpClient http, IOptions<SheetsOptions> options, TimeProvider timeProvider)
{
    private readonly SheetsOptions _options = options.Value;

    /// <summary>The rows of <paramref name="a1Range"/> as displayed text (ragged; empty when the range is empty).</summary>
    public async Task<IReadOnlyList<IReadOnlyList<string>>> GetValuesAsync(string a1Range, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ValuesPath(a1Range) + "?majorDimension=ROWS&valueRenderOption=FORMATTED_VALUE");
        var range = await SendAsync(request, isWrite: false, SheetsJsonContext.Default.SheetsValueRange, cancellationToken).ConfigureAwait(false);
        if (range?.Values is not { } values)
        {
            return [];
        }

        return values.Select(row => (IReadOnlyList<string>)row.Select(CellText).ToList()).ToList();
    }

    /// <summary>
    /// Appends <paramref name="rows"/> below the table in <paramref name="a1Range"/> in ONE request
    /// (<c>valueInputOption=RAW</c>: nothing the mail says is ever parsed as a formula; <c>INSERT_ROWS</c>).
    /// </summary>
    /// <returns>How many rows Google says it wrote.</returns>
    public async Task<int> AppendAsync(string a1Range, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ValuesPath(a1Range) + ":append?valueInputOption=RAW&insertDataOption=INSERT_ROWS&includeValuesInResponse=false")
        {
            Content = RowsContent(rows),
        };
        var response = await SendAsync(request, isWrite: true, SheetsJsonContext.Default.SheetsAppendResponse, cancellationToken).ConfigureAwait(false);
        return response?.Updates?.UpdatedRows ?? rows.Count;
    }

    /// <summary>Overwrites <paramref name="a1Range"/> with <paramref name="rows"/> (values.update; naturally idempotent).</summary>
    public async Task UpdateAsync(string a1Range, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, ValuesPath(a1Range) + "?valueInputOption=RAW")
        {
            Content = RowsContent(rows),
        };
        await SendAsync(request, isWrite: true, SheetsJsonContext.Default.SheetsAppendResponse, cancellationToken).ConfigureAwait(false);
    }

    private string ValuesPath(string a1Range)
    {
        if (!_options.IsConfigured)
        {
            throw new SheetsRejectedException(0, null, "Google Sheets is not configured.", "Set GOOGLE_SHEETS_SPREADSHEET_ID (or Sheets:SpreadsheetId) to the id in the spreadsheet's URL.");
        }

        return "v4/spreadsheets/" + Uri.EscapeDataString(_options.SpreadsheetId!.Trim()) + "/values/" + Uri.EscapeDataString(a1Range);
    }

    private async Task<T?> SendAsync<T>(HttpRequestMessage request, bool isWrite, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTransport(ex, cancellationToken))
        {
            // Sent or half-sent: a write may have landed although no answer came back.
            throw new SheetsUnavailableException($"Google Sheets did not answer ({ex.GetType().Name}).", mayHaveTakenEffect: isWrite, innerException: ex);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                    await using (stream.ConfigureAwait(false))
                    {
                        return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
                    }
                }
                catch (Exception ex) when (ex is JsonException || IsTransport(ex, cancellationToken))
                {
                    // The request took effect; only its answer was lost (a truncated body, a reset mid-body).
                    throw new SheetsUnavailableException("Google Sheets' answer was cut short.", mayHaveTakenEffect: isWrite, innerException: ex);
                }
            }

            var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // A quota refusal is certain: nothing was written.
                throw new SheetsUnavailableException("Google Sheets' quota is exhausted (HTTP 429).", mayHaveTakenEffect: false, RetryAfterOf(response.Headers));
            }

            if (status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
            {
                throw new SheetsUnavailableException($"Google Sheets failed (HTTP {status}).", mayHaveTakenEffect: isWrite, RetryAfterOf(response.Headers));
            }

            throw Rejected(status, error);
        }
    }

    private SheetsRejectedException Rejected(int status, GoogleError? error)
    {
        var reason = error?.Reason ?? error?.Status;
        var detail = error?.Message is { Length: > 0 } m ? ": " + m : string.Empty;
        var id = _options.SpreadsheetId;
        var (what, fix) = status switch
        {
            401 => ("Google Sheets rejected the access token", "Authorise FleetManager for Google again (the token is expired or revoked)."),
            403 => ("Google Sheets refused access to spreadsheet " + id, "Share the spreadsheet with the signed-in Google account or the service account's email as Editor, and make sure the Google Sheets API is enabled in the Cloud project."),
            404 => ("Spreadsheet " + id + " does not exist", "Set GOOGLE_SHEETS_SPREADSHEET_ID (Sheets:SpreadsheetId) to the id between '/d/' and '/edit' in the spreadsheet's URL."),
            400 => ("Google Sheets rejected the request for tab '" + _options.SheetName + "'", "Check GOOGLE_SHEETS_RANGE_NAME (Sheets:Range): it must name an existing tab of the spreadsheet, e.g. Sheet1."),
            _ => ("Google Sheets refused the request (HTTP " + status + ")", "Check the Sheets settings (docs/sheets.md)."),
        };
        return new SheetsRejectedException(status, reason, what + detail + ".", fix);
    }

    private static async Task<GoogleError?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, SheetsJsonContext.Default.GoogleErrorEnvelope)?.Error;
        }
        catch (Exception ex) when (ex is JsonException || IsTransport(ex, cancellationToken))
        {
            return null;
        }
    }

    private TimeSpan? RetryAfterOf(HttpResponseHeaders headers) =>
        headers.RetryAfter?.Delta ?? (headers.RetryAfter?.Date is { } date ? date - timeProvider.GetUtcNow() : null);

    /// <summary>A failure of the exchange itself, not the caller's cancellation.</summary>
    private static bool IsTransport(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or IOException or TimeoutRejectedException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static ByteArrayContent RowsContent(IReadOnlyList<object?[]> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("majorDimension", "ROWS");
            writer.WriteStartArray("values");
            foreach (var row in rows)
            {
                writer.WriteStartArray();
                foreach (var cell in row)
                {
                    WriteCell(writer, cell);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static void WriteCell(Utf8JsonWriter writer, object? cell)
    {
        switch (cell)
        {
            case null: writer.WriteNullValue(); break;
            case string text: writer.WriteStringValue(text); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case int number: writer.WriteNumberValue(number); break;
            case long number: writer.WriteNumberValue(number); break;
            case decimal number: writer.WriteNumberValue(number); break;
            case double number: writer.WriteNumberValue(number); break;
            default: writer.WriteStringValue(Convert.ToString(cell, System.Globalization.CultureInfo.InvariantCulture)); break;
        }
    }

    private static string CellText(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.String => cell.GetString()!,
        JsonValueKind.Null or JsonValueKind.Undefined => string.Empty,
        _ => cell.GetRawText(),
    };
}
