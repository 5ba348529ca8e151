using BenchmarkDotNet.Attributes;
using FleetManager.Core.Geo;
using FleetManager.Core.Model;
using FleetManager.Core.Rules;
using FleetManager.Mail.Parsing;

namespace FleetManager.Benchmarks;

/// <summary>
/// Per-message cost of each pipeline stage over the project's sample mailbox (every .eml in
/// samples/mailbox), so a regression shows in the stage that caused it.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private readonly MimeEmailParser _parser = new();
    private readonly RulesOrderReader _reader = new();
    private RawMessage[] _raw = [];
    private Email[] _emails = [];

    [GlobalSetup]
    public void Setup()
    {
        var samples = Path.Combine(FindRoot(), "samples", "mailbox");
        _raw = Directory.GetFiles(samples, "*.eml").Order(StringComparer.Ordinal)
            .Select(path => new RawMessage(path, File.ReadAllBytes(path))).ToArray();
        _emails = _raw.Select(_parser.Parse).ToArray();
        _ = OfflineGazetteer.Shared.IsKnownCity("Berlin"); // load outside the measurement
    }

    /// <summary>MIME parse of every sample message (divide by the sample count for per-message cost).</summary>
    [Benchmark]
    public int ParseAll()
    {
        var total = 0;
        foreach (var raw in _raw)
        {
            total += _parser.Parse(raw).Body.Length;
        }

        return total;
    }

    /// <summary>Rules engine (classification + extraction) over every sample message.</summary>
    [Benchmark]
    public int ReadAll()
    {
        var total = 0;
        foreach (var email in _emails)
        {
            total += _reader.Read(email).Orders.Count;
        }

        return total;
    }

    /// <summary>Offline gazetteer lookups of typical stop cities.</summary>
    [Benchmark]
    public int GazetteerLookups()
    {
        var found = 0;
        foreach (var city in (string[])["München", "Warszawa", "София", "Łódź", "Frankfurt am Main", "Brno", "Zaragoza", "Nowhere-on-Sea"])
        {
            found += OfflineGazetteer.Shared.TryFind(city, null, out _) ? 1 : 0;
        }

        return found;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FleetManager.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
