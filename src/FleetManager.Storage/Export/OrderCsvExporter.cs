using System.Globalization;
using CsvHelper;

namespace FleetManager.Storage.Export;

/// <summary>
/// Writes orders as CSV (RFC 4180, UTF-8 text): a header row, then one row per order (first
/// loading and last unloading stop flattened), invariant culture, ISO dates, <c>HH:mm</c> times,
/// <c>true</c>/<c>false</c>, empty fields for nulls. Text that a spreadsheet would run as a formula
/// (starting with <c>= + - @</c>, tab or CR) is prefixed with <c>'</c>; numbers such as -18 stay numbers.
/// </summary>
public static class OrderCsvExporter
{
    private static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        InjectionEscape = '\'',
        TrueValue = "true",
        FalseValue = "false",
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>Invariant, no exponent, no trailing zeros after the point (decimal keeps the scale it was parsed with).</summary>
    private const string ShortestDecimal = "0.############################";

    /// <summary>Writes every order of <paramref name="orders"/> as it is read (one row at a time); returns how many were written.</summary>
    public static async Task<int> WriteAsync(IAsyncEnumerable<StoredOrder> orders, TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(writer);
        using var csv = CsvWriter.Create(writer, Options, leaveOpen: true);
        csv.WriteHeader(OrderExportColumns.Names.ToArray());
        var count = 0;
        await foreach (var order in orders.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var value in OrderExportColumns.Values(order))
            {
                WriteValue(csv, value);
            }

            csv.EndRecord();
            count++;
        }

        csv.Flush();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    private static void WriteValue(CsvWriter csv, object? value)
    {
        switch (value)
        {
            case null:
                csv.WriteField((string?)null);
                break;
            case string text:
                csv.WriteField(text);
                break;
            case DateOnly date:
                csv.WriteField(date, "yyyy-MM-dd");
                break;
            case TimeOnly time:
                csv.WriteField(time, "HH:mm");
                break;
            case bool flag:
                csv.WriteField(flag);
                break;
            case decimal number:
                // The shortest form: a stored 9800.0 and a stored 21400 both print without a trailing ".0".
                csv.WriteField(number, ShortestDecimal);
                break;
            case int number:
                csv.WriteField(number, "");
                break;
            case long number:
                csv.WriteField(number, "");
                break;
            default:
                csv.WriteField(value);
                break;
        }
    }
}
