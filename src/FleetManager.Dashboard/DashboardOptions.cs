namespace FleetManager.Dashboard;

/// <summary>The dispatcher's dashboard (section <c>Dashboard</c>; docs/dashboard.md).</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>Serve the dashboard from <c>fleetmanager run</c> on <c>Service:Urls</c> (default true). <c>fleetmanager serve</c> always serves it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Addresses of reverse proxies (such as oauth2-proxy) whose <see cref="UserHeader"/> and <see cref="EmailHeader"/>
    /// are believed. Requests from anywhere else that are not loopback get 401; their headers are ignored.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>The header a trusted proxy names the signed-in user in (default <c>X-Forwarded-User</c>, as oauth2-proxy sends).</summary>
    public string UserHeader { get; set; } = "X-Forwarded-User";

    /// <summary>The header a trusted proxy gives the user's e-mail address in (default <c>X-Forwarded-Email</c>); preferred as the user's name when present.</summary>
    public string EmailHeader { get; set; } = "X-Forwarded-Email";

    /// <summary>Users (names or e-mail addresses, any case) who may correct orders and change their status. Other signed-in users only read.</summary>
    public List<string> Dispatchers { get; set; } = [];

    /// <summary>Users who may do everything a dispatcher may, and administer (reserved for the admin pages).</summary>
    public List<string> Admins { get; set; } = [];

    /// <summary>Serve loopback requests without login, as the admin <c>local</c> (single-user desktop use; default true).</summary>
    public bool LoopbackWithoutLogin { get; set; } = true;

    /// <summary>
    /// How long a built-in user's session lasts without a request (default 8 hours, sliding: each request renews it).
    /// 5 minutes to 30 days. The session cookie is also dropped when the browser closes.
    /// </summary>
    public TimeSpan SessionLifetime { get; set; } = DefaultSessionLifetime;

    /// <summary>Sign-in attempts (<c>POST /login</c>) one client address may make per minute (default 10); more get 429. 1 to 1000.</summary>
    public int SignInAttemptsPerMinute { get; set; } = DefaultSignInAttemptsPerMinute;

    /// <summary>Orders per page of the orders list (default 50).</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>
    /// The map's tile URL template (Leaflet's <c>{z}/{x}/{y}</c>, optionally <c>{s}</c>; default OpenStreetMap's). Empty:
    /// no tiles, only the vendored country outlines. Its origin is added to the map pages' <c>img-src</c> policy.
    /// </summary>
    public string MapTileUrl { get; set; } = DefaultMapTileUrl;

    /// <summary>The credit the tile provider requires, shown on the map (plain text; default OpenStreetMap's).</summary>
    public string MapTileAttribution { get; set; } = DefaultMapTileAttribution;

    /// <summary>Default of <see cref="SessionLifetime"/>: a working day.</summary>
    public static readonly TimeSpan DefaultSessionLifetime = TimeSpan.FromHours(8);

    /// <summary>Default of <see cref="SignInAttemptsPerMinute"/>.</summary>
    public const int DefaultSignInAttemptsPerMinute = 10;

    /// <summary>Default of <see cref="MapTileUrl"/>.</summary>
    public const string DefaultMapTileUrl = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    /// <summary>Default of <see cref="MapTileAttribution"/>.</summary>
    public const string DefaultMapTileAttribution = "© OpenStreetMap contributors";
}
