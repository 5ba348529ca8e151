namespace FleetManager.Dashboard.Hosting;

/// <summary>The reader's language-model use since this process started (counted from the <c>fleetmanager.model.*</c> metrics).</summary>
/// <param name="Reader">The configured reader (<c>rules</c> makes no model calls).</param>
/// <param name="Calls">Model calls.</param>
/// <param name="FailedCalls">Calls that did not succeed (refused, quota, errors).</param>
/// <param name="InputTokens">Tokens sent.</param>
/// <param name="OutputTokens">Tokens received.</param>
/// <param name="Quota">The configured limits, as text (requests per minute, daily requests), or null when none.</param>
public sealed record ModelUsageView(string Reader, long Calls, long FailedCalls, long InputTokens, long OutputTokens, string? Quota);
