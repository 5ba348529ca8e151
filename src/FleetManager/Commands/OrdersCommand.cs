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
    public static Command Create()
    {
        var command = new Command("orders", "Read the order book: list, show one order, export.")
        {
            CreateList(),
            CreateShow(),
            CreateExport(),
        };
        return command;
    }

    private static Command CreateList()
    {
        var db = CommonOptions.Database();
        var filters = new OrderFilterOptions();
        var command = new Command("list", "List orders, newest last, one line each.") { db };
        filters.AddTo(command);
        command.SetAction(parse =>
        {
            using var book = OpenExisting(parse.GetValue(db)!);
            var orders = book.ListOrders(filters.ToQuery(parse));
            PrintTable(orders);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateShow()
    {
        var db = CommonOptions.Database();
        var id = new Argument<long>("ID") { Description = "The order's id (first column of 'orders list').", CustomParser = CommandValueParsers.Id };
        var command = new Command("show", "Show one order in full: the spec's JSON, its stops with coordinates, and its source message.") { id, db };
        command.SetAction(parse =>
        {
            using var book = OpenExisting(parse.GetValue(db)!);
            var order = book.GetOrder(parse.GetValue(id));
            if (order is null)
            {
                Console.Error.WriteLine($"error: there is no order {parse.GetValue(id)} in {book.Location} (see 'fleetmanager orders list')");
                return ExitCodes.Usage;
            }

            var m = order.Message;
            Console.WriteLine($"order {order.Id} (#{order.OrderIndex + 1} of message {m.MessageId})");
            Console.WriteLine($"  subject: {m.Subject}");
            Console.WriteLine($"  from:    {m.From}");
            Console.WriteLine($"  date:    {m.Date?.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)}");
            Console.WriteLine();
            Console.WriteLine(JsonSerializer.Serialize(order.Order, FleetManagerJsonContext.Indented.TransportOrder));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateExport()
    {
        var db = CommonOptions.Database();
        var format = new Option<string>("--format", "-f") { Description = "csv, xlsx or json.", Required = true };
        format.AcceptOnlyFromAmong("csv", "xlsx", "json");
        var output = new Option<string?>("--output", "-o") { Description = "File to write (default: standard output; required for xlsx on a terminal)." };
        var filters = new OrderFilterOptions();
        var command = new Command("export", "Export orders as CSV, XLSX or a JSON array in the spec's Order shape (with id and message_id).") { db, format, output };
        filters.AddTo(command);
        command.SetAction(parse =>
        {
            var fmt = parse.GetValue(format)!;
            var path = parse.GetValue(output);
            if (path is null && fmt == "xlsx" && !Console.IsOutputRedirected)
            {
                Console.Error.WriteLine("error: an XLSX file is binary; give --output FILE.xlsx or redirect standard output");
                return ExitCodes.Usage;
            }

            var dbPath = parse.GetValue(db)!;
            using var book = OpenExisting(dbPath);
            // The dispatcher's corrections apply (latest per field); filters match the values as read.
            var orders = FleetManager.Storage.Corrections.CorrectedOrders.Apply(book.QueryOrders(filters.ToQuery(parse)), book.Corrections.All());
            int count;
            try
            {
                count = Export(orders, fmt, path);
            }
            catch (IOException ex) when (ExportDiskFullException.IsDiskFull(ex))
            {
                throw new ExportDiskFullException(path ?? "standard output (buffered in " + Path.GetTempPath() + ")", ex);
            }

            if (path is not null)
            {
                Console.Error.WriteLine($"exported {count} orders to {path}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Writes the export through an <see cref="AtomicExportTarget"/>: complete, or nothing (the partial file is deleted).</summary>
    private static int Export(IEnumerable<StoredOrder> orders, string format, string? path)
    {
        using var target = AtomicExportTarget.Create(path);
        // A store failure met half-way (a malformed page) arrives as the store's exception; the partial
        // export is deleted with the target.
        var count = format switch
        {
            "csv" => WriteCsv(orders, target.Stream),
            "xlsx" => OrderXlsxExporter.Write(orders, target.Stream),
            _ => OrderJsonExporter.Write(orders, target.Stream),
        };

        target.Complete();
        return count;
    }

    private static int WriteCsv(IEnumerable<StoredOrder> orders, Stream stream)
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
        return OrderCsvExporter.Write(orders, writer);
    }

    /// <summary>
    /// Reading verbs never create an empty order book by mistake (a SQLite file must exist), and open it
    /// read-only so a book on a read-only file or mount can be read.
    /// </summary>
    private static IOrderStore OpenExisting(string connectionString) => StoreConfiguration.OpenExistingForReading(connectionString);

    private static void PrintTable(IReadOnlyList<OrderSummary> orders)
    {
        if (orders.Count == 0)
        {
            Console.WriteLine("No orders.");
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
        Console.WriteLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var row in rows)
        {
            Console.WriteLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        }

        Console.WriteLine($"{orders.Count} orders");
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
