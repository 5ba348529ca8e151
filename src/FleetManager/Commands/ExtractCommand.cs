using FleetManager.Hosting;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FleetManager.Core.Json;
using FleetManager.Core.Model;

namespace FleetManager.Commands;

/// <summary>
/// <c>fleetmanager extract PATH...</c>: prints each message's result in the spec's shape
/// (order-format.md), in input order, touching no database. This is the evaluation contract.
/// </summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var paths = CommonOptions.InputPaths();
        var format = new Option<string>("--format", "-f") { Description = "jsonl (one object per message), json (an array) or table.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "json", "table");
        var geocode = new Option<bool>("--geocode") { Description = "Fill stop coordinates from the offline gazetteer (extraction alone leaves them null)." };
        var reader = CommonOptions.Reader();
        var command = new Command("extract", "Print the result read from each message (order-format.md) without storing anything.") { paths, format, geocode, reader };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(paths)!, parse.GetValue(format)!, parse.GetValue(geocode), parse.GetValue(reader)!, ct));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, string format, bool geocode, string reader, CancellationToken cancellationToken)
    {
        var missing = paths.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p));
        if (missing is not null)
        {
            Console.Error.WriteLine($"error: '{missing}' does not exist (give .eml files, folders, Maildirs or mbox files)");
            return ExitCodes.InputMissing;
        }

        using var pipeline = ReaderPipeline.Create(reader, geocode);
        var processor = pipeline.Processor;
        var source = PipelineFactory.CreateSource(paths, pipeline.Limits.MaxMessageBytes);
        using var stdout = Console.OpenStandardOutput();
        using var json = new Utf8JsonWriter(stdout, new JsonWriterOptions
        {
            Indented = format == "json",
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        if (format == "json")
        {
            json.WriteStartArray();
        }

        await foreach (var raw in source.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var result = (await processor.ProcessSafelyAsync(raw, cancellationToken).ConfigureAwait(false)).Result;
            switch (format)
            {
                case "table":
                    WriteTable(raw.SourceKey, result);
                    break;
                case "json":
                    JsonSerializer.Serialize(json, result, FleetManagerJsonContext.Compact.EmailResult);
                    break;
                default:
                    JsonSerializer.Serialize(json, result, FleetManagerJsonContext.Compact.EmailResult);
                    json.Flush();
                    json.Reset();
                    stdout.WriteByte((byte)'\n');
                    break;
            }
        }

        if (format == "json")
        {
            json.WriteEndArray();
            json.Flush();
            stdout.WriteByte((byte)'\n');
        }

        return ExitCodes.Success;
    }

    private static void WriteTable(string sourceKey, EmailResult result)
    {
        var inv = CultureInfo.InvariantCulture;
        var what = result.Error is not null ? "quarantined: " + result.Error : result.Classification?.ToString().ToLowerInvariant();
        Console.WriteLine($"{sourceKey}  {result.MessageId}  {what}");
        foreach (var order in result.Orders)
        {
            var loading = order.Stops.FirstOrDefault(s => s.Type == StopType.Loading);
            var unloading = order.Stops.LastOrDefault(s => s.Type == StopType.Unloading);
            Console.WriteLine(string.Format(inv, "    {0,-18} {1} → {2}  {3}  {4}  {5}",
                order.ReferenceNumber ?? "(no ref)",
                Stop(loading), Stop(unloading),
                order.WeightKg is { } kg ? kg.ToString("0.##", inv) + " kg" : "",
                order.VehicleType?.ToString().ToLowerInvariant() ?? "",
                order.Price is { } p ? p.Amount.ToString("0.##", inv) + " " + p.Currency : ""));
        }
    }

    private static string Stop(Stop? stop) => stop is null
        ? "?"
        : $"{stop.Country} {stop.PostalCode} {stop.City} {stop.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}".Replace("  ", " ", StringComparison.Ordinal).Trim();
}
