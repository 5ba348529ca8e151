using System.Text.Json;
using FleetManager.Commands;
using FleetManager.Storage;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// <c>orders list|show|export</c> run in-process over a book imported in-process: the store's settings come from the
/// <see cref="VerbEnvironment"/> the test gives and the orders go to its writers, without starting a process.
/// </summary>
public sealed class OrdersCommandInProcessTests : IDisposable
{
    private readonly InProcessVerb _verb = new();

    public void Dispose() => _verb.Dispose();

    [Fact]
    public async Task List_SampleBook_OneLinePerOrderAndTheCount()
    {
        var db = await SampleBookAsync();

        var exitCode = await OrdersCommand.ListAsync(_verb.Environment(), db, new OrderQuery(), CancellationToken.None);

        Assert.True(exitCode == ExitCodes.Success, _verb.Error.ToString());
        var lines = _verb.Out.ToString().TrimEnd().Split('\n');
        Assert.StartsWith("id  ", lines[0], StringComparison.Ordinal);
        Assert.Equal($"{lines.Length - 2} orders", lines[^1]);
        Assert.True(lines.Length > 2, "the samples hold orders");
    }

    [Fact]
    public async Task Show_FirstOrder_PrintsItsSpecJson()
    {
        var db = await SampleBookAsync();

        var exitCode = await OrdersCommand.ShowAsync(_verb.Environment(), db, 1, CancellationToken.None);

        Assert.Equal(ExitCodes.Success, exitCode);
        var text = _verb.Out.ToString();
        Assert.StartsWith("order 1 (#", text, StringComparison.Ordinal);
        using var order = JsonDocument.Parse(text[text.IndexOf('{', StringComparison.Ordinal)..]);
        Assert.Equal(JsonValueKind.Array, order.RootElement.GetProperty("stops").ValueKind);
    }

    [Fact]
    public async Task Show_NoSuchOrder_ExitsUsageWithOneLine()
    {
        var db = await SampleBookAsync();

        var exitCode = await OrdersCommand.ShowAsync(_verb.Environment(), db, 999_999, CancellationToken.None);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal($"error: there is no order 999999 in {db} (see 'fleetmanager orders list')", _verb.Error.ToString().TrimEnd());
        Assert.Equal("", _verb.Out.ToString());
    }

    [Fact]
    public async Task Export_JsonToAFile_WritesEveryOrderAndSaysHowMany()
    {
        var db = await SampleBookAsync();
        var file = _verb.Temp.File("orders.json");

        var exitCode = await OrdersCommand.ExportAsync(_verb.Environment(), db, "json", file, new OrderQuery(), CancellationToken.None);

        Assert.Equal(ExitCodes.Success, exitCode);
        using var orders = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        Assert.Equal($"exported {orders.RootElement.GetArrayLength()} orders to {file}", _verb.Error.ToString().TrimEnd());
    }

    [Fact]
    public async Task Export_CsvToStandardOutputOnTheCommandLine_TheEnvironmentsOutputHoldsTheSameCsvAsTheFile()
    {
        var db = await SampleBookAsync();
        var file = _verb.Temp.File("orders.csv");
        Assert.Equal(ExitCodes.Success, await OrdersCommand.ExportAsync(_verb.Environment(), db, "csv", file, new OrderQuery(), CancellationToken.None));
        _verb.Error.GetStringBuilder().Clear();

        var exitCode = await CommandLine.RunAsync(["orders", "export", "--format", "csv", "--db", db], _verb.Environment());

        Assert.True(exitCode == ExitCodes.Success, _verb.Error.ToString());
        Assert.Equal(await File.ReadAllTextAsync(file), _verb.Out.ToString());
        Assert.StartsWith("id,", _verb.Out.ToString(), StringComparison.Ordinal);
        Assert.Equal("", _verb.Error.ToString());
    }

    [Fact]
    public async Task Export_XlsxToAnOutputWithAByteStream_WritesTheWorkbooksBytesThere()
    {
        var db = await SampleBookAsync();
        using var bytes = new MemoryStream();
        var environment = _verb.Environment() with { OpenOutputStream = () => bytes };

        var exitCode = await OrdersCommand.ExportAsync(environment, db, "xlsx", path: null, new OrderQuery(), CancellationToken.None);

        Assert.True(exitCode == ExitCodes.Success, _verb.Error.ToString());
        // An XLSX file is a ZIP archive: "PK\x03\x04" (a MemoryStream keeps its bytes once closed).
        Assert.Equal("PK\u0003\u0004"u8.ToArray(), bytes.ToArray()[..4]);
        Assert.Equal("", _verb.Out.ToString());
    }

    [Fact]
    public async Task Export_XlsxToAnOutputThatIsOnlyAWriter_ExitsUsageWithOneLineAndWritesNothing()
    {
        var db = await SampleBookAsync();

        var exitCode = await OrdersCommand.ExportAsync(_verb.Environment(), db, "xlsx", path: null, new OrderQuery(), CancellationToken.None);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal("error: an XLSX file is binary; give --output FILE.xlsx or redirect standard output", _verb.Error.ToString().TrimEnd());
        Assert.Equal("", _verb.Out.ToString());
    }

    [Fact]
    public async Task Export_IntoAFolderThatDoesNotExist_OneLineNamingTheFileAndFolderNotTheTemporaryOne()
    {
        var db = await SampleBookAsync();
        var folder = _verb.Temp.File("no-such-folder");
        var file = Path.Combine(folder, "orders.csv");

        var failure = await Record.ExceptionAsync(() => OrdersCommand.ExportAsync(_verb.Environment(), db, "csv", file, new OrderQuery(), CancellationToken.None));
        var exitCode = CommandLine.Report(Assert.IsAssignableFrom<IOException>(failure), _verb.Error);

        Assert.Equal(ExitCodes.InputMissing, exitCode);
        Assert.Equal(
            $"error: Cannot write {file}: its folder {folder} does not exist or takes no new files. Check the path and its permissions.",
            _verb.Error.ToString().TrimEnd());
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task List_BookMissing_StoreErrorExit4InOneLineAndNoFileCreated()
    {
        var db = _verb.Temp.File("missing.db");

        var failure = await Assert.ThrowsAsync<OrderBookUnavailableException>(async () => await OrdersCommand.ListAsync(_verb.Environment(), db, new OrderQuery(), CancellationToken.None));
        var exitCode = CommandLine.Report(failure, _verb.Error);

        Assert.Equal(ExitCodes.OrderBookUnavailable, exitCode);
        var line = Assert.Single(_verb.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("fleetmanager import", line, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    private async Task<string> SampleBookAsync()
    {
        var db = _verb.Temp.File("fm.db");
        Assert.Equal(ExitCodes.Success, await ImportCommand.RunAsync(_verb.Environment(), [RepoPaths.Samples], db, strict: false, quiet: true, reader: "rules", CancellationToken.None));
        _verb.Out.GetStringBuilder().Clear();
        _verb.Error.GetStringBuilder().Clear();
        return db;
    }
}
