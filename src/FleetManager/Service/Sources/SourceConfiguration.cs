using Microsoft.Extensions.Configuration;

namespace FleetManager.Service.Sources;

/// <summary>Lays a source's own settings for an adapter over the application's top-level ones.</summary>
internal static class SourceConfiguration
{
    /// <summary>
    /// The application's configuration with <c>{source}:{name}:*</c> copied onto <c>{name}:*</c>: an adapter
    /// that binds the top-level section (<c>Gmail</c>) sees the source's values where it has them and the
    /// shared ones (an API key, a credential file) where it does not.
    /// </summary>
    public static IConfiguration Overlay(IConfiguration configuration, IConfigurationSection source, string name)
    {
        var own = source.GetSection(name).AsEnumerable(makePathsRelative: true)
            .Where(pair => pair.Value is not null)
            .ToDictionary(pair => name + ":" + pair.Key, pair => pair.Value);
        return new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(own).Build();
    }
}
