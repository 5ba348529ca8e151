using System.Globalization;
using FleetManager.Storage.Export;
using FleetManager.Storage.Sqlite;

namespace FleetManager.Storage.Tests.Export;

public sealed class OrderCsvExporterTests : IAsyncLifetime, IDisposable
{
    private ExportFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await ExportFixture.CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Write_Orders_OneRowPerOrderWithFlattenedColumns()
    {
        var (count, lines) = await ExportAsync();

        Assert.Equal(2, count);
        Assert.Equal(3, lines.Length);
        var header = lines[0].Split(',');
        Assert.Equal(36, header.Length);
        Assert.Equal(["id", "message_id", "reference_number", "request_type", "customer"], header[..5]);
        Assert.Contains("loading_time_from", header);
        Assert.Contains("unloading_postal_code", header);
        Assert.Equal("contact_email", header[^1]);

        var row = Row(header, lines[1]);
        var ids = await _fixture.Book.ListOrdersAsync(OrderQuery.All, CancellationToken.None);
        Assert.Equal(ids[0].Id.ToString(CultureInfo.InvariantCulture), row["id"]);
        Assert.Equal("<m1@mail.example>", row["message_id"]);
        Assert.Equal("TO-1", row["reference_number"]);
        Assert.Equal("booking", row["request_type"]);
        Assert.Equal("Eching", row["loading_city"]);
        Assert.Equal("2026-12-03", row["loading_date"]);
        Assert.Equal("08:00", row["loading_time_from"]);
        Assert.Equal("14:00", row["loading_time_to"]);
        Assert.Equal("04-041", row["unloading_postal_code"]);
        Assert.Equal("", row["unloading_time_from"]);
        Assert.Equal("12:00", row["unloading_time_to"]);
        Assert.Equal("2", row["stop_count"]);
        Assert.Equal("22500", row["weight_kg"]);
        Assert.Equal("13.6", row["loading_meters"]);
        Assert.Equal("tautliner", row["vehicle_type"]);
        Assert.Equal("false", row["adr"]);
        Assert.Equal("1450", row["price_amount"]);
        Assert.Equal("EUR", row["price_currency"]);
        Assert.Equal("p.maier@alpenland.example", row["contact_email"]);
    }

    [Fact]
    public async Task Write_TextThatLooksLikeAFormula_IsPrefixedWithAQuoteButNumbersStayNumbers()
    {
        var (_, lines) = await ExportAsync();

        var line = lines[2];
        var row = Row(lines[0].Split(','), line);
        Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"click\")", row["customer"]);
        Assert.Equal("'-TO-2", row["reference_number"]);
        Assert.Equal("-18", row["temperature_min_c"]);
        Assert.Equal("'+49 89 4161 2270", row["contact_phone"]);
        Assert.Equal("Jürgen Haberl", row["contact_name"]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"", line);
        Assert.Contains("\"'-TO-2\"", line);
        Assert.Contains("\"'@SUM(A1:A2), then \"\"quotes\"\", commas\"", line);
        Assert.Contains("\"'+49 89 4161 2270\"", line);
        Assert.Contains(",-18,-2.5,", line);
        Assert.DoesNotContain(",=", line);
    }

    [Fact]
    public async Task Write_DecimalsWithAndWithoutScale_PrintTheSameShortestForm()
    {
        using var temp = new TempDirectory();
        using var book = SqliteOrderBook.Open(temp.File("numbers.db"));
        var message = SampleOrders.Message("numbers");
        // 9800.0 keeps its scale as a decimal: printed as is it would read "9800.0" beside "21400".
        var order = SampleOrders.Order(reference: "N-1") with { WeightKg = 9800.0m, Price = new FleetManager.Core.Model.Price(21400m, "EUR"), LoadingMeters = 13.60m };
        await book.CommitAsync(message, SampleOrders.Result(message, order), CancellationToken.None);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);

        await OrderCsvExporter.WriteAsync(book.QueryOrdersAsync(OrderQuery.All, CancellationToken.None), writer, CancellationToken.None);

        var lines = writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var row = Row(lines[0].Split(','), lines[1]);
        Assert.Equal("9800", row["weight_kg"]);
        Assert.Equal("21400", row["price_amount"]);
        Assert.Equal("13.6", row["loading_meters"]);
    }

    [Fact]
    public async Task Write_NullValues_AreEmptyFields()
    {
        var (_, lines) = await ExportAsync();

        // adr, price amount and currency are null in the second order.
        Assert.Contains(",tautliner,,-18,-2.5,,,", lines[2]);
    }

    private async Task<(int Count, string[] Lines)> ExportAsync()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var count = await OrderCsvExporter.WriteAsync(_fixture.Book.QueryOrdersAsync(OrderQuery.All, CancellationToken.None), writer, CancellationToken.None);
        return (count, writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Splits one RFC 4180 line (no line breaks inside fields) into named fields.</summary>
    private static Dictionary<string, string> Row(string[] header, string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        Assert.Equal(header.Length, fields.Count);
        return header.Zip(fields).ToDictionary(pair => pair.First, pair => pair.Second);
    }
}
