using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FleetManager.Hosting;
using FleetManager.Core.Json;
using FleetManager.Core.Model;

namespace FleetManager.Commands;

/// <summary>
/// <c>fleetmanager extract PATH...</c>: prints each message's result in the spec's shape
/// (order-format.md), in input order, touching no database. This is the evaluation contract.
/// </summary>
internal static class ExtractCommand
{
    public static Command Create(Func<VerbEnvironment> environment)
    {
        var paths = CommonOptions.InputPaths();
        var format = new Option<string>("--format", "-f") { Description = "jsonl (one object per message), json (an array) or table.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "json", "table");
        var geocode = new Option<bool>("--geocode") { Description = "Fill stop coordinates from the offline gazetteer (extraction alone leaves them null)." };
        var reader = CommonOptions.Reader();
        var command = new Command("extract", "Print the result read from each message (order-format.md) without storing anything.") { paths, format, geocode, reader };
        command.SetAction((parse, ct) =>
        {
            var env = environment();
            return RunAsync(env, parse.GetValue(paths)!, parse.GetValue(format)!, parse.GetValue(geocode), parse.GetReader(reader, env), ct);
        });
        return command;
    }

    /// <summary>
    /// Reads <paramref name="paths"/> with <paramref name="environment"/>'s settings and writes each result to its
    /// output in <paramref name="format"/>; the exit code, or a category exception for the caller's one line.
    /// </summary>
    internal static async Task<int> RunAsync(VerbEnvironment environment, string[] paths, string format, bool geocode, string reader, CancellationToken cancellationToken)
    {
        if (InputPaths.RefuseMissing(paths, environment.Error) is { } refused)
        {
            return refused;
        }

        using var pipeline = ReaderPipeline.Create(reader, geocode, environment.Configuration, environment.Error);
        var processor = pipeline.Processor;
        var source = PipelineFactory.CreateSource(paths, pipeline.Limits.MaxMessageBytes);
        var output = environment.Out;

        // The JSON is written as UTF-8 into a buffer and handed to the output writer one message at a time, so a
        // test's writer sees the same text the process's standard output gets, and a long run holds one message.
        var buffer = new ArrayBufferWriter<byte>();
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = format == "json",
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        if (format == "json")
        {
            json.WriteStartArray();
        }

        var read = 0L;
        await foreach (var raw in source.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            read++;
            var result = (await processor.ProcessSafelyAsync(raw, cancellationToken).ConfigureAwait(false)).Result;
            switch (format)
            {
                case "table":
                    WriteTable(output, raw.SourceKey, result);
                    break;
                case "json":
                    JsonSerializer.Serialize(json, result, FleetManagerJsonContext.Compact.EmailResult);
                    WriteBuffered(json, buffer, output);
                    break;
                default:
                    JsonSerializer.Serialize(json, result, FleetManagerJsonContext.Compact.EmailResult);
                    WriteBuffered(json, buffer, output);
                    json.Reset();
                    output.Write('\n');
                    break;
            }
        }

        if (format == "json")
        {
            json.WriteEndArray();
            WriteBuffered(json, buffer, output);
            output.Write('\n');
        }

        output.Flush();
        InputPaths.NoteIfNothingRead(paths, read, environment.Error);
        return ExitCodes.Success;
    }

    /// <summary>What <paramref name="json"/> wrote since the last call, as text to <paramref name="output"/>; the buffer is emptied.</summary>
    private static void WriteBuffered(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, TextWriter output)
    {
        json.Flush();
        output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        buffer.ResetWrittenCount();
    }

    private static void WriteTable(TextWriter output, string sourceKey, EmailResult result)
    {
        var inv = CultureInfo.InvariantCulture;
        var what = result.Error is not null ? "quarantined: " + result.Error : result.Classification?.ToString().ToLowerInvariant();
        output.WriteLine($"{sourceKey}  {result.MessageId}  {what}");
        foreach (var order in result.Orders)
        {
            var loading = order.Stops.FirstOrDefault(s => s.Type == StopType.Loading);
            var unloading = order.Stops.LastOrDefault(s => s.Type == StopType.Unloading);
            output.WriteLine(string.Format(inv, "    {0,-18} {1} → {2}  {3}  {4}  {5}",
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
