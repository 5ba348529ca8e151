using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FleetManager.Dashboard.Security;

/// <summary>
/// Decides who a request comes from: loopback (no login, when allowed), a trusted proxy's user header, or
/// nobody (401). The proxy headers are read only when the connection itself comes from a configured proxy
/// address: anybody can send the header, only the proxy's address makes it true.
/// </summary>
public sealed class DashboardAccess
{
    private const string ItemKey = "FleetManager.Dashboard.User";
    private readonly DashboardOptions _options;
    private readonly HashSet<IPAddress> _proxies;

    public DashboardAccess(IOptions<DashboardOptions> options)
    {
        _options = options.Value;
        _proxies = [.. _options.TrustedProxies.Select(p => IPAddress.TryParse(p.Trim(), out var address) ? Normalise(address) : null).OfType<IPAddress>()];
    }

    /// <summary>The user the request comes from, or null when it must sign in.</summary>
    public DashboardUser? Resolve(HttpContext context)
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

        return remote is not null && IPAddress.IsLoopback(remote) && _options.LoopbackWithoutLogin ? DashboardUser.Local : null;
    }

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
