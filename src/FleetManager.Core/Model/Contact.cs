namespace FleetManager.Core.Model;

/// <summary>The person to speak to about an order.</summary>
public sealed record Contact(string? Name, string? Phone, string? Email);
