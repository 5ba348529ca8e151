using FleetManager.Dashboard.Map;
using FleetManager.Dashboard.Security;

namespace FleetManager.Dashboard.Pages;

/// <summary>
/// The open orders as lanes on a Leaflet map (drawn by map.js from <c>/api/v1/map/lanes</c>), and the same lanes as a
/// table, so the page reads without scripts.
/// </summary>
public static class MapPage
{
    /// <summary>Lanes listed in the table under the map.</summary>
    public const int ListedLanes = 200;

    public static string Render(MapDocument map, DashboardOptions options, DashboardUser user)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(options);
        var html = new HtmlBuilder();
        html.Add($"""
            <h1>Map of open orders</h1>
            <p class="summary"><span id="lane-total">{map.Lanes.Count}</span> of {map.OpenOrders} open orders drawn;
            {map.WithoutCoordinates} have no stop with coordinates (<a href="/review#unplaced">review queue</a>).
            Loading points <span class="key key-loading">green</span>, unloading points <span class="key key-unloading">red</span>.</p>
            """);
        html.Add($"""{new HtmlContent(MapElement("/api/v1/map/lanes", options, "Map of the open orders' lanes").ToString())}""");
        html.Add($"""
            <h2>Lanes</h2>
            <table id="lanes"><thead><tr><th scope="col">Order</th><th scope="col">Reference</th><th scope="col">Customer</th><th scope="col">Status</th><th scope="col">Stops</th></tr></thead><tbody>
            """);
        foreach (var lane in map.Lanes.Take(ListedLanes))
        {
            html.Add($"""
                <tr data-order-id="{lane.Id}"><td><a href="/orders/{lane.Id}">Order {lane.Id}</a></td><td>{lane.Reference}</td><td>{lane.Customer}</td>
                <td>{lane.Status.Replace('_', ' ')}</td><td>{string.Join(" → ", lane.Stops.Select(s => s.Place))}</td></tr>
                """);
        }

        html.Add($"""</tbody></table>""");
        if (map.Lanes.Count > ListedLanes)
        {
            html.Add($"""<p class="meta">The first {ListedLanes} of {map.Lanes.Count} lanes are listed; the map draws them all.</p>""");
        }

        return PageLayout.Render("Map", user, html, withMap: true);
    }

    /// <summary>The map's element: where map.js reads the lanes from, the tiles and their credit (all encoded attribute values).</summary>
    public static HtmlBuilder MapElement(string source, DashboardOptions options, string label, bool small = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tiles = string.IsNullOrWhiteSpace(options.MapTileUrl) ? "" : options.MapTileUrl.Trim();
        return new HtmlBuilder().Add($"""
            <div id="map" class="{(small ? "map small" : "map")}" role="region" aria-label="{label}" data-source="{source}" data-tiles="{tiles}" data-attribution="{options.MapTileAttribution}"></div>
            <p class="meta map-credit">Map tiles: {(tiles.Length == 0 ? "none (country outlines: Natural Earth)" : options.MapTileAttribution)}.</p>
            """);
    }
}
