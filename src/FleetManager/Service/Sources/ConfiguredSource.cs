using Microsoft.Extensions.Configuration;

namespace FleetManager.Service.Sources;

/// <summary>A source's common settings with its whole configuration section (for the kind-specific part).</summary>
public sealed record ConfiguredSource(SourceOptions Options, IConfigurationSection Section)
{
    public string Name => Options.Name;
}
