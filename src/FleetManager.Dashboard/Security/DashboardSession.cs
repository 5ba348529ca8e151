using System.Globalization;
using System.Security.Claims;
using FleetManager.Storage.Users;

namespace FleetManager.Dashboard.Security;

/// <summary>
/// The built-in users' sign-in session: an ASP.NET Core authentication cookie (encrypted with the data-protection keys,
/// <see cref="DashboardKeysDirectory"/>) naming the user and the time their account last changed. The role is NOT in
/// the cookie: <see cref="DashboardAccess"/> reads it from the users table on every request, so a removed or demoted
/// user loses access at once, and a changed password or role ends every older session.
/// </summary>
public static class DashboardSession
{
    /// <summary>The authentication scheme (and the cookie handler's name).</summary>
    public const string Scheme = "FleetManager.Dashboard";

    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "fm-session";

    /// <summary>The claim holding <see cref="UserAccount.ChangedAt"/> when the session began.</summary>
    public const string ChangedClaim = "fleetmanager:account-changed";

    /// <summary>The identity a session carries for <paramref name="account"/>.</summary>
    public static ClaimsPrincipal PrincipalOf(UserAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, account.Name),
                new Claim(ClaimTypes.Name, account.Name),
                new Claim(ChangedClaim, account.ChangedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)),
            ],
            Scheme);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The user name of a session, or null when <paramref name="principal"/> is not one of this dashboard's sessions.</summary>
    public static string? NameOf(ClaimsPrincipal? principal) =>
        principal?.Identity is { IsAuthenticated: true, AuthenticationType: Scheme } identity ? identity.Name : null;

    /// <summary>True when the session began after the account's last change (older sessions end with a password or role change).</summary>
    public static bool IsCurrent(ClaimsPrincipal principal, UserAccount account)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(account);
        return long.TryParse(principal.FindFirst(ChangedClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks == account.ChangedAt.UtcTicks;
    }
}
