// Measures the offline gazetteer's first-use load time and memory.
// Usage (from the repo root):
//   dotnet run tools/gazetteer/measure-load.cs -c Release          (JIT, as `dotnet fleetmanager.dll`)
//   dotnet publish tools/gazetteer/measure-load.cs -o /tmp/measure-load && /tmp/measure-load/measure-load   (Native AOT)
#:project ../../src/FleetManager.Core/FleetManager.Core.csproj

using System.Diagnostics;
using FleetManager.Core.Geo;

var before = GC.GetTotalMemory(forceFullCollection: true);
var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
var methodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var clock = Stopwatch.StartNew();
var gazetteer = OfflineGazetteer.Shared;
var count = gazetteer.Count;
clock.Stop();
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
var jit = System.Runtime.JitInfo.GetCompilationTime() - jitBefore;
var methods = System.Runtime.JitInfo.GetCompiledMethodCount() - methodsBefore;
var after = GC.GetTotalMemory(forceFullCollection: true);
Console.WriteLine($"places: {count}");
Console.WriteLine($"first-use load: {clock.ElapsedMilliseconds} ms wall, {cpu.TotalMilliseconds:F0} ms CPU (all threads, JIT included)");
Console.WriteLine($"of which JIT: {jit.TotalMilliseconds:F0} ms for {methods} methods");
Console.WriteLine($"managed memory held: {(after - before) / (1024.0 * 1024.0):F1} MB");
Console.WriteLine($"process working set: {Environment.WorkingSet / (1024.0 * 1024.0):F1} MB");

clock.Restart();
var found = 0;
string[] sample = ["München", "Warszawa", "София", "Frankfurt a. M.", "Praha 10", "Aarhus N", "Úžice", "Gądki"];
for (var i = 0; i < 10_000; i++)
{
    if (gazetteer.TryFind(sample[i % sample.Length], null, out _))
    {
        found++;
    }
}

clock.Stop();
Console.WriteLine($"lookups: {found}/10000 found, {clock.Elapsed.TotalMicroseconds / 10_000:F1} µs each");
