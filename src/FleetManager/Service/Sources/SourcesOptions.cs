namespace FleetManager.Service.Sources;

/// <summary>The configuration's <c>Sources</c> array (bound from the configuration root).</summary>
public sealed class SourcesOptions
{
    public List<SourceOptions> Sources { get; set; } = [];
}
