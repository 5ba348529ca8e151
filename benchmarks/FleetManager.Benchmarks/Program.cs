using System.Globalization;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/FleetManager.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/FleetManager.Benchmarks -- stages MBOX [ROUNDS]
if (args.Length >= 2 && args[0] == "stages")
{
    return await FleetManager.Benchmarks.StageProfile.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3);
}

if (args.Length >= 1 && args[0] == "gc-config")
{
    foreach (var (name, value) in GC.GetConfigurationVariables().OrderBy(p => p.Key, StringComparer.Ordinal))
    {
        Console.WriteLine($"{name} = {value}");
    }

    return 0;
}

if (args.Length >= 1 && args[0] == "gazetteer-memory")
{
    var before = GC.GetTotalMemory(forceFullCollection: true);
    var rssBefore = Environment.WorkingSet;
    _ = FleetManager.Core.Geo.OfflineGazetteer.Shared.IsKnownCity("Berlin");
    var peak = System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64;
    var after = GC.GetTotalMemory(forceFullCollection: true);
    var keyCount = typeof(FleetManager.Core.Geo.OfflineGazetteer).GetProperty("KeyCount", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)?.GetValue(FleetManager.Core.Geo.OfflineGazetteer.Shared);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"gazetteer: {FleetManager.Core.Geo.OfflineGazetteer.Shared.Count} places, {keyCount} keys; managed heap {(after - before) / 1048576.0:0.0} MiB retained; working set {rssBefore / 1048576.0:0} -> {Environment.WorkingSet / 1048576.0:0} MiB (peak {peak / 1048576.0:0} MiB)"));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(FleetManager.Benchmarks.PipelineBenchmarks).Assembly).Run(args);
return 0;
