using FleetManager.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace FleetManager.Service.Sources;

/// <summary>
/// The sources the service polls: the <c>Sources</c> array, or, when it is empty, the embedded
/// default (a folder named <c>inbox</c> under the data directory, polled every minute).
/// </summary>
internal sealed class SourceCatalog(IOptions<SourcesOptions> options, IConfiguration configuration)
{
    public const string DefaultSourceName = "inbox";

    private readonly Lazy<IReadOnlyList<ConfiguredSource>> _sources = new(() => Resolve(options.Value, configuration));

    /// <summary>The configured sources, or the default inbox when none is.</summary>
    /// <exception cref="OptionsValidationException">The <c>Sources</c> settings are invalid (read on first use, not when the catalog is made: the doctor reports it as a check).</exception>
    public IReadOnlyList<ConfiguredSource> Sources => _sources.Value;

    public bool IsDefault => Sources is [{ Name: DefaultSourceName, Section.Path: "DefaultSource" }];

    /// <summary>The default inbox folder: <c>$DATA_DIR/inbox</c> (<c>DataDir</c>), else <c>./inbox</c>.</summary>
    public static string DefaultFolder(IConfiguration configuration) =>
        Path.Combine(configuration["DataDir"] is { Length: > 0 } dataDir ? dataDir : ".", "inbox");

    /// <summary>
    /// With no source configured, creates the default inbox folder, so that <c>run</c> and <c>poll</c> on a fresh data
    /// directory have a folder to drop mail into instead of failing every poll. One that cannot be created (a
    /// read-only data directory) is left for the poll to report with its fix.
    /// </summary>
    public void CreateDefaultFolder()
    {
        if (!IsDefault)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(DefaultFolder(configuration));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The poll says "The mail folder … does not exist. Create it or fix the source's Folder:Path."
        }
    }

    private static List<ConfiguredSource> Resolve(SourcesOptions options, IConfiguration configuration)
    {
        var sections = configuration.GetSection("Sources").GetChildren().ToList();
        if (options.Sources.Count == 0)
        {
            var defaults = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DefaultSource:Name"] = DefaultSourceName,
                ["DefaultSource:Kind"] = "folder",
                ["DefaultSource:Folder:Path"] = DefaultFolder(configuration),
            }).Build();
            return [new ConfiguredSource(new SourceOptions { Name = DefaultSourceName, Kind = "folder", Reader = ReaderConfiguration.DefaultReader(configuration) }, defaults.GetSection("DefaultSource"))];
        }

        // The binder fills the list in the order of the array's children, so the indexes line up.
        return options.Sources.Select((source, i) => new ConfiguredSource(source, sections[i])).ToList();
    }
}
