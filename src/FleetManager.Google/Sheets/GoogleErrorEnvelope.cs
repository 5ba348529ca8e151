namespace FleetManager.Google.Sheets;

/// <summary>Google's error body, v1 (<c>errors[].reason</c>) and AIP-193 (<c>status</c>, <c>details[].reason</c>) shapes alike.</summary>
internal sealed record GoogleErrorEnvelope(GoogleError? Error);
