using FleetManager.Dashboard.Security;

namespace FleetManager.Dashboard.Pages;

/// <summary>The frame of every page: head with the style sheet and scripts (by integrity hash), header with the user, main.</summary>
public static class PageLayout
{
    /// <summary>htmx's own inline indicator style would break the CSP (no inline styles); eval is never needed.</summary>
    private const string HtmxConfig = "{\"includeIndicatorStyles\":false,\"allowEval\":false}";

    public static string Render(string title, DashboardUser? user, HtmlBuilder body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var page = new HtmlBuilder();
        page.Add($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="htmx-config" content="{HtmxConfig}">
            <title>{title} · FleetManager</title>
            <link rel="stylesheet" href="/static/dashboard.css">
            <script src="/static/htmx.min.js" integrity="{VendoredAssets.HtmxIntegrity}" defer></script>
            <script src="/static/dashboard.js" defer></script>
            </head>
            <body>
            <header class="top"><a class="brand" href="/orders">FleetManager</a>
            <nav><a href="/orders">Orders</a> <a href="/orders?review=1">Needs review</a></nav>
            """);
        if (user is not null)
        {
            page.Add($"""<span class="user">{user.Name} ({user.Role.ToString().ToLowerInvariant()})</span>""");
        }

        page.Add($"""
            </header>
            <main id="main">
            {new HtmlContent(body.ToString())}
            </main>
            </body>
            </html>
            """);
        return page.ToString();
    }
}
