namespace FleetManager.Storage;

/// <summary>The answer of an <see cref="IStoreProbe"/>: usable or not, and why not with the fix.</summary>
/// <param name="Ok">Usable.</param>
/// <param name="Detail">What was found, for the log and <c>doctor</c> (may name the file or host).</param>
/// <param name="Fix">What to do when not usable.</param>
/// <param name="Summary">The same without paths, hosts or user names, for <c>/healthz</c> without <c>Service:HealthDetail</c>; null: "reachable" or "unavailable".</param>
public sealed record StoreHealth(bool Ok, string Detail, string? Fix = null, string? Summary = null)
{
    /// <summary><see cref="Summary"/> or its default.</summary>
    public string PublicSummary => Summary ?? (Ok ? "reachable" : "unavailable (see the service log)");
}
