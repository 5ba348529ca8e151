namespace FleetManager.Core.Model;

/// <summary>The offered or agreed freight rate; <see cref="Currency"/> is ISO 4217.</summary>
public sealed record Price(decimal Amount, string Currency);
