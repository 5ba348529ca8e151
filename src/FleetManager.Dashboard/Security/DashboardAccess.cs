using System.Net;
using FleetManager.Storage.Users;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FleetManager.Dashboard.Security;

/// <summary>
/// Decides who a request comes from, in this order: a trusted proxy's user header; a built-in user's session cookie
/// (<see cref="DashboardSession"/>; the account and its role read again from the users table on every request, so a
/// removed or demoted user loses access at once); loopback (no login, when allowed); or nobody (sign in). The proxy
/// headers are read only when the connection itself comes from a configured proxy address: anybody can send the
/// header, only the proxy's address makes it true.
/// </summary>
public sealed class DashboardAccess
{
    internal const string ItemKey = "FleetManager.Dashboard.User";
    private readonly DashboardOptions _options;
    private readonly HashSet<IPAddress> _proxies;
    private readonly DashboardStore _store;

    public DashboardAccess(IOptions<DashboardOptions> options, DashboardStore store)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _store = store;
        _proxies = [.. _options.TrustedProxies.Select(p => IPAddress.TryParse(p.Trim(), out var address) ? Normalise(address) : null).OfType<IPAddress>()];
    }

    /// <summary>The user the request comes from, or null when it must sign in.</summary>
    public async ValueTask<DashboardUser?> ResolveAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var remote = context.Connection.RemoteIpAddress is { } address ? Normalise(address) : null;
        if (remote is not null && FromTrustedProxy(remote))
        {
            var email = context.Request.Headers[_options.EmailHeader].ToString();
            var user = context.Request.Headers[_options.UserHeader].ToString();
            var name = !string.IsNullOrWhiteSpace(email) ? email.Trim() : user.Trim();
            if (name.Length > 0)
            {
                return new DashboardUser(name, RoleOf(name, user.Trim()));
            }
        }

        if (DashboardSession.NameOf(context.User) is { } signedIn)
        {
            var account = await _store.UseAsync((orders, _, token) => orders.Users.FindAsync(signedIn, token), cancellationToken).ConfigureAwait(false);
            if (account is not null && DashboardSession.IsCurrent(context.User, account))
            {
                return new DashboardUser(account.Name, RoleNamed(account.Role)) { SignedIn = true };
            }
        }

        return remote is not null && IPAddress.IsLoopback(remote) && _options.LoopbackWithoutLogin ? DashboardUser.Local : null;
    }

    /// <summary>The dashboard role of a stored role name (an unknown one, which the table's constraint prevents, reads only).</summary>
    public static DashboardRole RoleNamed(string storedRole) => storedRole switch
    {
        UserRoleNames.Admin => DashboardRole.Admin,
        UserRoleNames.Dispatcher => DashboardRole.Dispatcher,
        _ => DashboardRole.Viewer,
    };

    /// <summary>True when the connection is from a configured proxy (so its forwarded headers are believed).</summary>
    public bool FromTrustedProxy(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && FromTrustedProxy(Normalise(address));

    /// <summary>The user <see cref="DashboardSecurityMiddleware"/> resolved for this request.</summary>
    public static DashboardUser UserOf(HttpContext context) =>
        context.Items[ItemKey] as DashboardUser ?? throw new InvalidOperationException("The dashboard user is resolved before any dashboard endpoint runs.");

    internal static void Remember(HttpContext context, DashboardUser user) => context.Items[ItemKey] = user;

    private bool FromTrustedProxy(IPAddress remote) => _proxies.Contains(remote);

    private DashboardRole RoleOf(string name, string user)
    {
        bool Listed(List<string> list) => list.Any(entry => string.Equals(entry.Trim(), name, StringComparison.OrdinalIgnoreCase)
            || (user.Length > 0 && string.Equals(entry.Trim(), user, StringComparison.OrdinalIgnoreCase)));
        return Listed(_options.Admins) ? DashboardRole.Admin : Listed(_options.Dispatchers) ? DashboardRole.Dispatcher : DashboardRole.Viewer;
    }

    private static IPAddress Normalise(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
