// Manifest resources compiled into the Native AOT executable, biggest first: reads the compiler's
// response file (the assemblies it was given) and lists each assembly's embedded resources with their
// sizes. The "ResourceData" blob of benchmarks/mstat-report.cs is these, minus what the trimmer dropped.
//
//   dotnet run benchmarks/resource-report.cs -- src/FleetManager/obj/Release/net10.0/linux-x64/native/fleetmanager.ilc.rsp src/FleetManager [TOP=40]
//
// File-based program: the repository's Directory.Build.props applies. It needs no packages.

using System.Globalization;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

if (args.Length < 2 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: dotnet run benchmarks/resource-report.cs -- FILE.ilc.rsp PROJECT_DIR [TOP]");
    return 2;
}

var top = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 40;
var rows = new List<(long Size, string Name)>();
foreach (var line in File.ReadAllLines(args[0]))
{
    // "-r:PATH" lines are the references; a bare ".dll" line is the project's own assembly, relative to its folder.
    var path = line.StartsWith("-r:", StringComparison.Ordinal) ? line[3..]
        : line.EndsWith(".dll", StringComparison.Ordinal) && !line.StartsWith('-') ? Path.Combine(args[1], line) : null;
    if (path is null || !File.Exists(path))
    {
        continue;
    }

    using var stream = File.OpenRead(path);
    using var pe = new PEReader(stream);
    if (!pe.HasMetadata || pe.PEHeaders.CorHeader is not { ResourcesDirectory.Size: > 0 } cor)
    {
        continue;
    }

    var reader = pe.GetMetadataReader();
    var block = pe.GetSectionData(cor.ResourcesDirectory.RelativeVirtualAddress);
    foreach (var handle in reader.ManifestResources)
    {
        var resource = reader.GetManifestResource(handle);
        if (!resource.Implementation.IsNil)
        {
            continue;
        }

        // Each embedded resource is a 4-byte length followed by its bytes.
        var blob = block.GetReader((int)resource.Offset, block.Length - (int)resource.Offset);
        rows.Add((blob.ReadInt32(), Path.GetFileNameWithoutExtension(path) + " :: " + reader.GetString(resource.Name)));
    }
}

foreach (var (size, name) in rows.OrderByDescending(r => r.Size).Take(top))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{size / 1024,8:N0} KiB  {name}"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total {rows.Sum(r => r.Size) / 1024:N0} KiB in {rows.Count} resources"));
return 0;
