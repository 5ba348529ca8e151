namespace FleetManager.Core.Model;

/// <summary>A mailbox as written in a header: display name and address.</summary>
public sealed record EmailAddress(string? Name, string Address);
