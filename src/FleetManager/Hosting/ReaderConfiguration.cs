using Microsoft.Extensions.Configuration;

namespace FleetManager.Hosting;

/// <summary>
/// The configured reader (<c>Reader:Kind</c>), read the same way by the verbs' <c>--reader</c> default and by
/// the service's sources, so <c>import</c> and <c>run</c> never disagree on who reads a message.
/// </summary>
internal static class ReaderConfiguration
{
    /// <summary><c>Reader:Kind</c> (<c>FLEETMANAGER__READER__KIND</c>): the reader of every source that does not name its own.</summary>
    public static string DefaultReader(IConfiguration configuration) =>
        configuration["Reader:Kind"]?.Trim() is { Length: > 0 } kind ? kind.ToLowerInvariant() : "rules";
}
