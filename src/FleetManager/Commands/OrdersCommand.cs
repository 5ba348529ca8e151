using FleetManager.Hosting;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FleetManager.Core.Json;
using FleetManager.Core.Model;
using FleetManager.Storage;
using FleetManager.Storage.Export;

namespace FleetManager.Commands;

/// <summary><c>fleetmanager orders list|show|export</c>: reads the order book.</summary>
internal static class OrdersCommand
{
    public static Command Create(Func<VerbEnvironment> environment)
    {
        var command = new Command("orders", "Read the order book: list, show one order, export.")
        {
            CreateList(environment),
            CreateShow(environment),
            CreateExport(environment),
        };
        return command;
    }

    private static Command CreateList(Func<VerbEnvironment> environment)
    {
        var db = CommonOptions.Database();
        var filters = new OrderFilterOptions();
        var command = new Command("list", "List orders, newest last, one line each.") { db };
        filters.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            var env = environment();
            return ListAsync(env, parse.GetDatabase(db, env), filters.ToQuery(parse), ct);
        });
        return command;
    }

    /// <summary><c>orders list</c>: the orders <paramref name="query"/> selects from the book, as a table on <paramref name="environment"/>'s output.</summary>
    internal static async Task<int> ListAsync(VerbEnvironment environment, string dbPath, OrderQuery query, CancellationToken cancellationToken)
    {
        using var book = OpenExisting(dbPath, environment);
        var orders = await book.ListOrdersAsync(query, cancellationToken).ConfigureAwait(false);
        PrintTable(environment.Out, orders);
        return ExitCodes.Success;
    }

    private static Command CreateShow(Func<VerbEnvironment> environment)
    {
        var db = CommonOptions.Database();
        var id = new Argument<long>("ID") { Description = "The order's id (first column of 'orders list').", CustomParser = CommandValueParsers.Id };
        var command = new Command("show", "Show one order in full: the spec's JSON, its stops with coordinates, and its source message.") { id, db };
        command.SetAction((parse, ct) =>
        {
            var env = environment();
            return ShowAsync(env, parse.GetDatabase(db, env), parse.GetValue(id), ct);
        });
        return command;
    }

    /// <summary><c>orders show ID</c>: one order in full on <paramref name="environment"/>'s output; exit 2 when the book has no such order.</summary>
    internal static async Task<int> ShowAsync(VerbEnvironment environment, string dbPath, long id, CancellationToken cancellationToken)
    {
        using var book = OpenExisting(dbPath, environment);
        var order = await book.GetOrderAsync(id, cancellationToken).ConfigureAwait(false);
        if (order is null)
        {
            environment.Error.WriteLine($"error: there is no order {id} in {book.Location} (see 'fleetmanager orders list')");
            return ExitCodes.Usage;
        }

        var output = environment.Out;
        var m = order.Message;
        output.WriteLine($"order {order.Id} (#{order.OrderIndex + 1} of message {m.MessageId})");
        output.WriteLine($"  subject: {m.Subject}");
        output.WriteLine($"  from:    {m.From}");
        output.WriteLine($"  date:    {m.Date?.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)}");
        output.WriteLine();
        output.WriteLine(JsonSerializer.Serialize(order.Order, FleetManagerJsonContext.Indented.TransportOrder));
        return ExitCodes.Success;
    }

    private static Command CreateExport(Func<VerbEnvironment> environment)
    {
        var db = CommonOptions.Database();
        var format = new Option<string>("--format", "-f") { Description = "csv, xlsx or json.", Required = true };
        format.AcceptOnlyFromAmong("csv", "xlsx", "json");
        var output = new Option<string?>("--output", "-o") { Description = "File to write (default: standard output; required for xlsx on a terminal)." };
        var filters = new OrderFilterOptions();
        var command = new Command("export", "Export orders as CSV, XLSX or a JSON array in the spec's Order shape (with id and message_id).") { db, format, output };
        filters.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            var env = environment();
            return ExportAsync(env, parse.GetDatabase(db, env), parse.GetValue(format)!, parse.GetValue(output), filters.ToQuery(parse), ct);
        });
        return command;
    }

    /// <summary>
    /// <c>orders export</c>: the orders <paramref name="query"/> selects, with the dispatchers' corrections, as
    /// <paramref name="format"/> into <paramref name="path"/> (or, when null, <paramref name="environment"/>'s standard
    /// output: <see cref="VerbEnvironment.CopyToOutput"/>); the count goes to its error writer.
    /// </summary>
    internal static async Task<int> ExportAsync(VerbEnvironment environment, string dbPath, string format, string? path, OrderQuery query, CancellationToken cancellationToken)
    {
        // The bytes of an XLSX file are no text: not for a terminal, nor for an output that is only a writer.
        if (path is null && format == "xlsx" && (environment.OutputIsInteractiveConsole || environment.OpenOutputStream is null))
        {
            environment.Error.WriteLine("error: an XLSX file is binary; give --output FILE.xlsx or redirect standard output");
            return ExitCodes.Usage;
        }

        using var book = OpenExisting(dbPath, environment);
        // The dispatcher's corrections apply (latest per field); filters match the values as read.
        var corrections = await book.Corrections.AllAsync(cancellationToken).ConfigureAwait(false);
        var orders = FleetManager.Storage.Corrections.CorrectedOrders.Apply(book.QueryOrdersAsync(query, cancellationToken), corrections);
        int count;
        try
        {
            count = await ExportAsync(orders, format, path, environment, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (ExportDiskFullException.IsDiskFull(ex))
        {
            throw new ExportDiskFullException(path ?? "standard output (buffered in " + Path.GetTempPath() + ")", ex);
        }

        if (path is not null)
        {
            environment.Error.WriteLine($"exported {count} orders to {path}");
        }

        return ExitCodes.Success;
    }

    /// <summary>Writes the export through an <see cref="AtomicExportTarget"/>: complete, or nothing (the partial file is deleted).</summary>
    private static async Task<int> ExportAsync(IAsyncEnumerable<StoredOrder> orders, string format, string? path, VerbEnvironment environment, CancellationToken cancellationToken)
    {
        using var target = AtomicExportTarget.Create(path, environment);
        // A store failure met half-way (a malformed page) arrives as the store's exception; the partial
        // export is deleted with the target.
        var count = format switch
        {
            "csv" => await WriteCsvAsync(orders, target.Stream, cancellationToken).ConfigureAwait(false),
            "xlsx" => await OrderXlsxExporter.WriteAsync(orders, target.Stream, cancellationToken).ConfigureAwait(false),
            _ => await OrderJsonExporter.WriteAsync(orders, target.Stream, cancellationToken).ConfigureAwait(false),
        };

        target.Complete();
        return count;
    }

    private static async Task<int> WriteCsvAsync(IAsyncEnumerable<StoredOrder> orders, Stream stream, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            return await OrderCsvExporter.WriteAsync(orders, writer, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reading verbs never create an empty order book by mistake (a SQLite file must exist), and open it
    /// read-only so a book on a read-only file or mount can be read.
    /// </summary>
    private static IOrderStore OpenExisting(string connectionString, VerbEnvironment environment) =>
        StoreConfiguration.OpenExistingForReading(connectionString, environment.Configuration);

    private static void PrintTable(TextWriter output, IReadOnlyList<OrderSummary> orders)
    {
        if (orders.Count == 0)
        {
            output.WriteLine("No orders.");
            return;
        }

        var inv = CultureInfo.InvariantCulture;
        string[] header = ["id", "reference", "type", "customer", "from", "loading", "to", "unloading", "vehicle", "kg", "price"];
        var rows = orders.Select(o => new[]
        {
            o.Id.ToString(inv),
            o.ReferenceNumber ?? "-",
            o.RequestType switch { RequestType.Booking => "booking", RequestType.QuoteRequest => "quote", RequestType.LoadOffer => "offer", _ => "-" },
            Truncate(o.Customer ?? "-", 28),
            Truncate(Place(o.LoadingCountry, o.LoadingCity), 24),
            o.LoadingDate?.ToString("yyyy-MM-dd", inv) ?? "-",
            Truncate(Place(o.UnloadingCountry, o.UnloadingCity), 24),
            o.UnloadingDate?.ToString("yyyy-MM-dd", inv) ?? "-",
            o.VehicleType?.ToString().ToLowerInvariant() ?? "-",
            o.WeightKg?.ToString("0.##", inv) ?? "-",
            o.Price is { } p ? p.Amount.ToString("0.##", inv) + " " + p.Currency : "-",
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        }

        output.WriteLine($"{orders.Count} orders");
    }

    private static string Place(string? country, string? city) => (country, city) switch
    {
        (null, null) => "-",
        (null, _) => city!,
        (_, null) => country,
        _ => $"{country} {city}",
    };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
