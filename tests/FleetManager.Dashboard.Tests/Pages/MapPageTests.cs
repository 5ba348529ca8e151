using FleetManager.Dashboard.Tests.Support;
using Microsoft.Playwright;
using Xunit;

namespace FleetManager.Dashboard.Tests.Pages;

/// <summary>
/// The map in Chromium against the real <c>fleetmanager serve</c>. The tests run offline: the default OpenStreetMap
/// tiles cannot load, so the vendored country outlines must be drawn under the lanes.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class MapPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Map_OfTheOpenOrders_DrawsLanesAndStopMarkersOverTheOfflineOutlines()
    {
        var page = await (await fixture.Browser.NewContextAsync()).NewPageAsync();
        var policyViolations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                policyViolations.Add(message.Text);
            }
        };
        var leaflet = page.WaitForResponseAsync(r => r.Url.Contains("/static/leaflet.js?v=", StringComparison.Ordinal));
        var response = await page.GotoAsync(fixture.LoopbackUrl + "/map");
        // Leaflet is shipped compressed (within the page budget: gzip over plain HTTP, br where the browser offers it) at a
        // versioned URL browsers keep for a year, and the browser checked its integrity (it ran).
        var leafletHeaders = await (await leaflet).AllHeadersAsync();
        Assert.True(leafletHeaders["content-encoding"] is "gzip" or "br", $"leaflet.js sent as {leafletHeaders["content-encoding"]}");
        Assert.Equal("public, max-age=31536000, immutable", leafletHeaders["cache-control"]);
        Assert.Contains("img-src 'self' data: https://tile.openstreetmap.org", (await response!.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);

        // Drawn by map.js from /api/v1/map/lanes: as many lanes as the page lists, each stop a marker.
        var lanes = int.Parse(await page.TextContentAsync("#lane-total") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(lanes > 10, $"expected lanes from the samples and dev corpus, got {lanes}");
        await Assertions.Expect(page.Locator("#map")).ToHaveAttributeAsync("data-lanes", lanes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await page.Locator("#map path.lane").CountAsync() >= 1);
        Assert.True(await page.Locator("#map path.stop-loading").CountAsync() >= 1);
        Assert.True(await page.Locator("#map path.stop-unloading").CountAsync() >= 1);

        // Offline: the tiles failed, so the outlines are drawn; the tile provider's credit is shown all the same.
        await Assertions.Expect(page.Locator("#map")).ToHaveAttributeAsync("data-outlines", "shown", new() { Timeout = 15_000 });
        Assert.True(await page.Locator("#map path.outline").CountAsync() > 20);
        await Assertions.Expect(page.Locator("#map .leaflet-control-attribution")).ToContainTextAsync("OpenStreetMap contributors");

        // A stop's popup names its order, as text, with a link to it.
        await page.Locator("#map path.stop-loading").First.ClickAsync(new() { Force = true });
        await Assertions.Expect(page.Locator(".leaflet-popup-content a").First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^/orders/\d+$"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardArtifacts.Screenshots, "map.png"), FullPage = false });
        Assert.Empty(policyViolations);
    }

    [Fact]
    public async Task LanesEndpoint_ForOneOrder_AnswersItsGeocodedStopsAsJson()
    {
        var page = await (await fixture.Browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(fixture.LoopbackUrl + "/map");
        var id = await page.Locator("#lanes tbody tr").First.GetAttributeAsync("data-order-id");
        var answer = await page.APIRequest.GetAsync($"{fixture.LoopbackUrl}/api/v1/map/lanes?order={id}");
        Assert.Equal(200, answer.Status);
        Assert.StartsWith("application/json", answer.Headers["content-type"], StringComparison.Ordinal);
        var json = await answer.JsonAsync();
        var lane = json!.Value.GetProperty("lanes")[0];
        Assert.Equal(long.Parse(id!, System.Globalization.CultureInfo.InvariantCulture), lane.GetProperty("id").GetInt64());
        var stop = lane.GetProperty("stops")[0];
        Assert.InRange(stop.GetProperty("lat").GetDouble(), -90, 90);
        Assert.InRange(stop.GetProperty("lon").GetDouble(), -180, 180);
        Assert.Equal(404, (await page.APIRequest.GetAsync($"{fixture.LoopbackUrl}/api/v1/map/lanes?order=999999999")).Status);
    }
}
