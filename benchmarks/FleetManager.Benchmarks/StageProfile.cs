using System.Diagnostics;
using System.Globalization;
using FleetManager.Core.Geo;
using FleetManager.Core.Model;
using FleetManager.Core.Rules;
using FleetManager.Mail.Parsing;
using FleetManager.Mail.Sources;

namespace FleetManager.Benchmarks;

/// <summary>
/// Single-threaded per-stage CPU split over a whole mbox (MIME parse, classification, segmentation,
/// field and stop extraction, geocoding), for profiling under <c>perf record</c> or valgrind, where
/// BenchmarkDotNet's many processes get in the way. Usage: <c>stages MBOX [ROUNDS]</c>.
/// </summary>
internal static class StageProfile
{
    public static async Task<int> RunAsync(string mbox, int rounds)
    {
        var raws = new List<RawMessage>();
        await foreach (var raw in new MailPathSource([mbox]).ReadAsync(CancellationToken.None))
        {
            raws.Add(raw);
        }

        var parser = new MimeEmailParser();
        var stops = new StopExtractor();
        _ = OfflineGazetteer.Shared.IsKnownCity("Berlin");

        for (var round = 0; round < rounds; round++)
        {
            long parse = 0, document = 0, classify = 0, split = 0, field = 0, stop = 0, geocode = 0;
            int orders = 0, parsed = 0;
            var clock = Stopwatch.StartNew();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var raw in raws)
            {
                var t0 = Stopwatch.GetTimestamp();
                Email email;
                try
                {
                    email = parser.Parse(raw);
                }
                catch (FleetManager.Core.Pipeline.MessageQuarantinedException)
                {
                    parse += Stopwatch.GetTimestamp() - t0;
                    continue;
                }

                parsed++;
                var t1 = Stopwatch.GetTimestamp();
                var doc = RulesDocument.From(email);
                var t2 = Stopwatch.GetTimestamp();
                var kind = MessageClassifier.Classify(doc);
                var t3 = Stopwatch.GetTimestamp();
                parse += t1 - t0;
                document += t2 - t1;
                classify += t3 - t2;
                if (kind != Classification.Order)
                {
                    continue;
                }

                var ts = Stopwatch.GetTimestamp();
                var blocks = OrderSegmenter.Split(doc);
                split += Stopwatch.GetTimestamp() - ts;
                foreach (var block in blocks)
                {
                    var t4 = Stopwatch.GetTimestamp();
                    var sources = new Dictionary<string, TextSpan>(24);
                    var order = OrderFieldExtractor.Extract(doc, block, sources);
                    var t5 = Stopwatch.GetTimestamp();
                    var found = stops.Extract(doc, block, sources);
                    var t6 = Stopwatch.GetTimestamp();
                    foreach (var s in found)
                    {
                        if (s.City is not null)
                        {
                            _ = OfflineGazetteer.Shared.GeocodeAsync(s, CancellationToken.None).AsTask().Result;
                        }
                    }

                    var t7 = Stopwatch.GetTimestamp();
                    field += t5 - t4;
                    stop += t6 - t5;
                    geocode += t7 - t6;
                    orders += order is null ? 0 : 1;
                }
            }

            var total = clock.Elapsed.TotalMilliseconds;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
            string Ms(long ticks) => (ticks * 1000.0 / Stopwatch.Frequency).ToString("0", CultureInfo.InvariantCulture).PadLeft(7);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: {raws.Count} raw, {parsed} parsed, {orders} orders, wall {total:0} ms, process CPU {cpu:0} ms | parse {Ms(parse)} doc {Ms(document)} classify {Ms(classify)} split {Ms(split)} fields {Ms(field)} stops {Ms(stop)} geocode {Ms(geocode)} ms"));
        }

        return 0;
    }
}
