namespace FleetManager.Google.Sheets;

/// <summary>One entry of <c>errors</c> or <c>details</c> in a Google error body.</summary>
internal sealed record GoogleErrorReason(string? Reason, string? Domain, string? Message);
