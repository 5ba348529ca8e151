using FleetManager.Dashboard.Security;

namespace FleetManager.Dashboard.Map;

/// <summary>The tile server of <see cref="DashboardOptions.MapTileUrl"/> as the map pages' Content-Security-Policy names it.</summary>
public static class MapTiles
{
    /// <summary>
    /// The origin tiles load from (<c>https://tile.openstreetmap.org</c>; a <c>{s}</c> subdomain becomes <c>*.</c>), or null
    /// when <paramref name="template"/> is not an http(s) template with <c>{z}</c>, <c>{x}</c> and <c>{y}</c>.
    /// </summary>
    public static string? OriginOf(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (!template.Contains("{z}", StringComparison.Ordinal) || !template.Contains("{x}", StringComparison.Ordinal) || !template.Contains("{y}", StringComparison.Ordinal))
        {
            return null;
        }

        var probe = template.Replace("{s}.", "a.", StringComparison.Ordinal).Replace("{z}", "0", StringComparison.Ordinal)
            .Replace("{x}", "0", StringComparison.Ordinal).Replace("{y}", "0", StringComparison.Ordinal).Replace("{r}", "", StringComparison.Ordinal);
        if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Host.Length == 0 || probe.Contains('{', StringComparison.Ordinal))
        {
            return null;
        }

        var host = template.Contains("{s}.", StringComparison.Ordinal) ? "*." + uri.Host[2..] : uri.Host;
        return uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
    }

    /// <summary>The map pages' policy: the dashboard's, with the tile server allowed as an image source.</summary>
    public static string ContentSecurityPolicy(string template)
    {
        var origin = string.IsNullOrWhiteSpace(template) ? null : OriginOf(template);
        return origin is null
            ? DashboardSecurityMiddleware.ContentSecurityPolicy
            : DashboardSecurityMiddleware.ContentSecurityPolicy.Replace("img-src 'self' data:", "img-src 'self' data: " + origin, StringComparison.Ordinal);
    }
}
