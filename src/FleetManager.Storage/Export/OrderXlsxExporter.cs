using System.Globalization;
using MiniExcelLibs;

namespace FleetManager.Storage.Export;

/// <summary>
/// Writes orders as an XLSX workbook with the same columns as <see cref="OrderCsvExporter"/>:
/// numbers as number cells, dates as date cells, times as <c>HH:mm</c> text, and text as string cells
/// exactly as stored: an XLSX string cell is never evaluated as a formula, so a phone number such as
/// <c>+49 …</c> needs no guarding apostrophe (the CSV export and the Sheets sink keep their guard). Rows are streamed.
/// </summary>
public static class OrderXlsxExporter
{
    /// <summary>The sheet the orders are written to.</summary>
    public const string SheetName = "Orders";

    /// <summary>Writes every order of <paramref name="orders"/> to <paramref name="stream"/>; returns how many were written.</summary>
    public static async Task<int> WriteAsync(IAsyncEnumerable<StoredOrder> orders, Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(stream);
        var count = 0;
        // MiniExcel reads an asynchronous sequence of rows as it writes them, so the orders are still streamed.
        await MiniExcel.SaveAsAsync(stream, Rows(cancellationToken), printHeader: true, sheetName: SheetName, excelType: ExcelType.XLSX, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return count;

        async IAsyncEnumerable<IDictionary<string, object?>> Rows([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var order in orders.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var values = OrderExportColumns.Values(order);
                var row = new Dictionary<string, object?>(values.Length);
                for (var i = 0; i < values.Length; i++)
                {
                    row[OrderExportColumns.Names[i]] = Cell(values[i]);
                }

                count++;
                yield return row;
            }
        }
    }

    private static object? Cell(object? value) => value switch
    {
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        TimeOnly time => time.ToString("HH:mm", CultureInfo.InvariantCulture),
        _ => value,
    };
}
