using System.Net;
using Microsoft.Extensions.Options;

namespace FleetManager.Dashboard;

/// <summary>Checks <see cref="DashboardOptions"/> at start, so a mistake is one line naming the key (exit 5), not a dashboard that trusts nobody.</summary>
public sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var proxy in options.TrustedProxies)
        {
            if (!IPAddress.TryParse(proxy?.Trim(), out _))
            {
                failures.Add($"Dashboard:TrustedProxies holds '{proxy}', which is not an IP address (name the proxy by its address, such as 10.0.0.5).");
            }
        }

        if (string.IsNullOrWhiteSpace(options.UserHeader) || string.IsNullOrWhiteSpace(options.EmailHeader))
        {
            failures.Add("Dashboard:UserHeader and Dashboard:EmailHeader must name headers (defaults X-Forwarded-User, X-Forwarded-Email).");
        }

        if (options.PageSize is < 5 or > 500)
        {
            failures.Add($"Dashboard:PageSize is {options.PageSize}; use 5 to 500.");
        }

        if (options.SessionLifetime < TimeSpan.FromMinutes(5) || options.SessionLifetime > TimeSpan.FromDays(30))
        {
            failures.Add($"Dashboard:SessionLifetime is {options.SessionLifetime}; use 00:05:00 to 30.00:00:00 (default 08:00:00).");
        }

        if (options.SignInAttemptsPerMinute is < 1 or > 1000)
        {
            failures.Add($"Dashboard:SignInAttemptsPerMinute is {options.SignInAttemptsPerMinute}; use 1 to 1000 (default {DashboardOptions.DefaultSignInAttemptsPerMinute}).");
        }

        if (!string.IsNullOrWhiteSpace(options.MapTileUrl) && Map.MapTiles.OriginOf(options.MapTileUrl) is null)
        {
            failures.Add($"Dashboard:MapTileUrl is '{options.MapTileUrl}'; give an http(s) URL template with {{z}}, {{x}} and {{y}} (default {DashboardOptions.DefaultMapTileUrl}), or leave it empty for the offline outlines only.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
