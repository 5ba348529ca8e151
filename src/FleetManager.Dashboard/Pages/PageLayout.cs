using FleetManager.Dashboard.Security;

namespace FleetManager.Dashboard.Pages;

/// <summary>The frame of every page: head with the style sheet and scripts (by integrity hash), header with the user, main.</summary>
public static class PageLayout
{
    /// <summary>htmx's own inline indicator style would break the CSP (no inline styles); eval is never needed.</summary>
    private const string HtmxConfig = "{\"includeIndicatorStyles\":false,\"allowEval\":false}";

    /// <param name="title">The page's title.</param>
    /// <param name="user">Who is signed in (null on the sign-in page).</param>
    /// <param name="body">The page's main content.</param>
    /// <param name="withMap">
    /// A page with a map: Leaflet and map.js instead of htmx (no map page swaps parts), so that only these pages carry
    /// Leaflet's weight (docs/benchmarks.md).
    /// </param>
    public static string Render(string title, DashboardUser? user, HtmlBuilder body, bool withMap = false)
    {
        ArgumentNullException.ThrowIfNull(body);
        // The layout's own markup is ~1.5 K characters; the body is copied after it into the one string returned.
        var page = new HtmlBuilder(2 * 1024);
        page.Add($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            """);
        if (withMap)
        {
            page.Add($"""
                <title>{title} · FleetManager</title>
                <link rel="stylesheet" href="{VendoredAssets.UrlOf("leaflet.css")}" integrity="{VendoredAssets.LeafletStyleIntegrity}">
                <link rel="stylesheet" href="{VendoredAssets.UrlOf("dashboard.css")}">
                <script src="{VendoredAssets.UrlOf("leaflet.js")}" integrity="{VendoredAssets.LeafletScriptIntegrity}" defer></script>
                <script src="{VendoredAssets.UrlOf("map.js")}" defer></script>
                <script src="{VendoredAssets.UrlOf("dashboard.js")}" defer></script>
                """);
        }
        else
        {
            page.Add($"""
                <meta name="htmx-config" content="{HtmxConfig}">
                <title>{title} · FleetManager</title>
                <link rel="stylesheet" href="{VendoredAssets.UrlOf("dashboard.css")}">
                <script src="{VendoredAssets.UrlOf("htmx.min.js")}" integrity="{VendoredAssets.HtmxIntegrity}" defer></script>
                <script src="{VendoredAssets.UrlOf("dashboard.js")}" defer></script>
                """);
        }

        page.Add($"""
            </head>
            <body>
            <header class="top"><a class="brand" href="/orders">FleetManager</a>
            <nav aria-label="Pages"><a href="/orders">Orders</a> <a href="/orders?review=1">Needs review</a> <a href="/review">Review queue</a> <a href="/messages">Messages</a> <a href="/map">Map</a> <a href="/status">Status</a>
            """);
        if (user is { Role: DashboardRole.Admin })
        {
            page.Add($""" <a href="/users">Users</a>""");
        }

        page.Add($"""</nav>""");
        if (user is not null)
        {
            page.Add($"""<span class="user">{user.Name} ({user.Role.ToString().ToLowerInvariant()})</span>""");
        }

        if (user is { SignedIn: true })
        {
            page.Add($""" <a class="sign-out" href="/logout">Sign out</a>""");
        }

        page.Add($"""
            </header>
            <main id="main">

            """);
        return page.ToString(body, "\n</main>\n</body>\n</html>");
    }
}
