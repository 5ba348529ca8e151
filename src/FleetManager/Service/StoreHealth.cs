namespace FleetManager.Service;

/// <summary>The answer of an <see cref="IStoreProbe"/>: usable or not, and why not with the fix.</summary>
public sealed record StoreHealth(bool Ok, string Detail, string? Fix = null);
