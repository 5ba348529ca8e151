using System.Net;
using System.Text.RegularExpressions;
using FleetManager.Dashboard.Tests.Support;
using Microsoft.Playwright;
using Xunit;

namespace FleetManager.Dashboard.Tests;

/// <summary>
/// The dashboard as a dispatcher uses it: the real <c>fleetmanager serve</c> over an order book imported from
/// samples/ and the dev corpus, driven by Debian's Chromium through Playwright. Screenshots go to TestResults/dashboard.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardBrowserTests(DashboardFixture fixture)
{
    private const string SampleReference = "HLF/26/4471";

    [Fact]
    public async Task OrdersPage_SearchFilterAndPage_ShowsTheMatchingOrders()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(fixture.LoopbackUrl + "/orders");
        var total = int.Parse(await page.TextContentAsync("#total") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total > 50, $"expected more than one page of orders, got {total}");
        Assert.Equal(50, await page.Locator("table.orders tbody tr").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardArtifacts.Screenshots, "orders.png"), FullPage = false });

        var firstOnPageOne = await page.Locator("table.orders tbody tr").First.GetAttributeAsync("data-order-id");
        await page.ClickAsync("a[rel=next]");
        await page.ArriveAtAsync(new Regex("after="));
        var firstOnPageTwo = await page.Locator("table.orders tbody tr").First.GetAttributeAsync("data-order-id");
        Assert.True(long.Parse(firstOnPageTwo!, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(firstOnPageOne!, System.Globalization.CultureInfo.InvariantCulture));

        // Search through the form (htmx swaps the results in place when scripts run).
        await page.GotoAsync(fixture.LoopbackUrl + "/orders");
        await page.FillAsync("input[name=q]", "Felixstowe");
        await page.ClickAsync("form.filters button[type=submit]");
        await Expect(page.Locator("#total")).Not.ToHaveTextAsync(total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var rows = page.Locator("table.orders tbody tr");
        Assert.True(await rows.CountAsync() >= 1);
        foreach (var text in await rows.AllTextContentsAsync())
        {
            Assert.Contains("Felixstowe", text, StringComparison.OrdinalIgnoreCase);
        }

        // Filters by link: country and request type.
        await page.GotoAsync(fixture.LoopbackUrl + "/orders?country=PL&type=booking&sort=loading_date");
        var filtered = await page.Locator("table.orders tbody tr").AllTextContentsAsync();
        Assert.NotEmpty(filtered);
        Assert.All(filtered, row => Assert.Contains("PL", row, StringComparison.Ordinal));
        Assert.All(filtered, row => Assert.Contains("booking", row, StringComparison.Ordinal));

        // The lane filter through the form: only orders whose last unloading stop is in Poland, counted in SQL.
        await page.GotoAsync(fixture.LoopbackUrl + "/orders");
        await page.FillAsync("input[name=lane]", "-PL");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.ArriveAtAsync(new Regex("lane=-PL"));
        await Expect(page.Locator("#total")).Not.ToHaveTextAsync(total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var unloadingCountries = await page.Locator("table.orders tbody tr td:nth-child(9)").AllTextContentsAsync();
        Assert.NotEmpty(unloadingCountries);
        Assert.All(unloadingCountries, country => Assert.Equal("PL", country));
        Assert.Equal("-PL", await page.InputValueAsync("input[name=lane]"));
    }

    [Fact]
    public async Task OrderDetail_FocusingAField_HighlightsItsEvidenceInTheMessage()
    {
        var page = await OpenSampleOrderAsync();
        await page.FocusAsync("input[data-field=reference_number]");
        var active = page.Locator("#message-text mark.active");
        await Expect(active.First).ToBeVisibleAsync();
        Assert.Contains(SampleReference, string.Concat(await active.AllTextContentsAsync()), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardArtifacts.Screenshots, "order-evidence.png"), FullPage = false });

        await page.FocusAsync("input[data-field='stops[0].city']");
        Assert.Contains("Felixstowe", string.Concat(await page.Locator("#message-text mark.active").AllTextContentsAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correction_OfAField_ShowsAnAuditRowAndTheExportCarriesIt()
    {
        var page = await OpenSampleOrderAsync();
        var url = page.Url;
        await page.FillAsync("input[data-field=weight_kg]", "12345");
        // The save posts and is redirected back to this URL: wait for that page's response itself (waiting for
        // the URL would return at once, since the page is already there, and a loaded machine then lost the race).
        // Then the audit row itself, which only the new page has: the expectation below retries until it is there. A
        // wait for the 'domcontentloaded' lifecycle event once never returned on a CI run (as PageArrival explains).
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#save"), response => response.Request.Method == "GET" && response.Url == url);
        var audit = page.Locator("#audit tbody tr");
        await Expect(audit.First).ToContainTextAsync("weight_kg");
        await Expect(audit.First).ToContainTextAsync("12345");
        await Expect(audit.First).ToContainTextAsync("local");
        Assert.Equal("12345", await page.InputValueAsync("input[data-field=weight_kg]"));

        var export = await page.APIRequest.GetAsync(fixture.LoopbackUrl + "/orders/export.csv?q=" + Uri.EscapeDataString(SampleReference));
        Assert.Equal(200, export.Status);
        var csv = await export.TextAsync();
        Assert.Contains(",12345,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",9800,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkReviewed_OnANewOrder_SetsItsStatusAndTakesItOffTheReviewList()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(fixture.LoopbackUrl + "/orders?q=Augsburg");
        await page.ClickAsync("table.orders tbody tr >> nth=0 >> a");
        await Expect(page.Locator("#status")).ToHaveTextAsync("new");
        await page.ClickAsync("#mark-reviewed");
        await Expect(page.Locator("#status")).ToHaveTextAsync("reviewed");
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardArtifacts.Screenshots, "order-reviewed.png"), FullPage = true });

        var id = Regex.Match(page.Url, @"/orders/(\d+)").Groups[1].Value;
        await page.GotoAsync(fixture.LoopbackUrl + "/orders?status=reviewed");
        Assert.Equal(1, await page.Locator($"tr[data-order-id='{id}']").CountAsync());
        await page.GotoAsync(fixture.LoopbackUrl + "/orders?review=1");
        Assert.Equal(0, await page.Locator($"tr[data-order-id='{id}']").CountAsync());
    }

    [Fact]
    public async Task Post_WithoutTheAntiforgeryToken_IsRefusedAndChangesNothing()
    {
        var page = await OpenSampleOrderAsync();
        var id = Regex.Match(page.Url, @"/orders/(\d+)").Groups[1].Value;
        var before = await page.TextContentAsync("#status");

        // Same browser, same cookies: only the form token is missing.
        var response = await page.APIRequest.PostAsync($"{fixture.LoopbackUrl}/orders/{id}/status", FormPost("status=cancelled"));
        Assert.Equal(400, response.Status);
        var forged = await page.APIRequest.PostAsync($"{fixture.LoopbackUrl}/orders/{id}/corrections", FormPost("customer=Forged+Ltd"));
        Assert.Equal(400, forged.Status);

        await page.ReloadAsync();
        Assert.Equal(before, await page.TextContentAsync("#status"));
        Assert.NotEqual("Forged Ltd", await page.InputValueAsync("input[data-field=customer]"));
    }

    [Fact]
    public async Task OffLoopback_WithoutATrustedProxy_RequiresSignInAndIgnoresForgedHeaders()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler);
        var url = $"http://{fixture.OwnAddress}:{fixture.Untrusted.Port}/orders";
        var plain = await client.GetAsync(new Uri(url));
        Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);
        Assert.Equal("/login?returnUrl=%2Forders", plain.Headers.Location?.OriginalString);

        using var forged = new HttpRequestMessage(HttpMethod.Get, url);
        forged.Headers.Add("X-Forwarded-User", "admin");
        forged.Headers.Add("X-Forwarded-Email", DashboardFixture.Dispatcher);
        var answer = await client.SendAsync(forged);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.DoesNotContain(SampleReference, await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri($"http://{fixture.OwnAddress}:{fixture.Untrusted.Port}/api/v1/map/lanes"))).StatusCode);

        // In a browser: the sign-in page, not the orders.
        var page = await NewPageAsync();
        await page.GotoAsync(url);
        Assert.EndsWith("/login?returnUrl=%2Forders", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
    }

    [Fact]
    public async Task BehindTheTrustedProxy_TheForwardedUserIsSignedInWithTheirRole()
    {
        var url = $"http://{fixture.OwnAddress}:{fixture.BehindProxy.Port}/orders";
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri(url))).StatusCode);

        await using var viewer = await fixture.Browser.NewContextAsync(new() { ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-Email"] = "viewer@example.com" } });
        var viewerPage = await viewer.NewPageAsync();
        Assert.Equal(200, (await viewerPage.GotoAsync(url + "?q=" + Uri.EscapeDataString(SampleReference)))!.Status);
        await Expect(viewerPage.Locator("header .user")).ToHaveTextAsync("viewer@example.com (viewer)");
        await viewerPage.ClickAsync("table.orders tbody tr >> nth=0 >> a");
        Assert.Equal(0, await viewerPage.Locator("#save").CountAsync());
        Assert.NotNull(await viewerPage.GetAttributeAsync("input[data-field=customer]", "readonly"));

        await using var dispatcher = await fixture.Browser.NewContextAsync(new() { ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-Email"] = DashboardFixture.Dispatcher } });
        var dispatcherPage = await dispatcher.NewPageAsync();
        await dispatcherPage.GotoAsync(url + "?q=" + Uri.EscapeDataString(SampleReference));
        await Expect(dispatcherPage.Locator("header .user")).ToHaveTextAsync(DashboardFixture.Dispatcher + " (dispatcher)");
        await dispatcherPage.ClickAsync("table.orders tbody tr >> nth=0 >> a");
        Assert.Equal(1, await dispatcherPage.Locator("#save").CountAsync());
    }

    [Fact]
    public async Task BehindTheTrustedProxy_ForwardedHttps_MarksCookiesSecureAndSendsHsts()
    {
        var url = new Uri($"http://{fixture.OwnAddress}:{fixture.BehindProxy.Port}/login");
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        using var client = new HttpClient(handler);

        using var overHttps = new HttpRequestMessage(HttpMethod.Get, url);
        overHttps.Headers.Add("X-Forwarded-Proto", "https");
        var secure = await client.SendAsync(overHttps);
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.True(secure.Headers.Contains("Strict-Transport-Security"));
        var cookie = Assert.Single(secure.Headers.GetValues("Set-Cookie"), c => c.StartsWith("fm-antiforgery=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);

        // Plain HTTP end to end (a desktop, a test): no HSTS, and a cookie the browser still sends over HTTP.
        var plain = await client.GetAsync(url);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("secure", Assert.Single(plain.Headers.GetValues("Set-Cookie"), c => c.StartsWith("fm-antiforgery=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task HostileMessage_WithScriptPayloadsEverywhere_RendersInert()
    {
        var page = await NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };

        await page.GotoAsync(fixture.LoopbackUrl + "/orders?q=" + HostileOrderMessage.Reference);
        Assert.Equal(1, await page.Locator("table.orders tbody tr").CountAsync());
        await page.ClickAsync("table.orders tbody tr >> nth=0 >> a");
        await Expect(page.Locator("h1")).ToContainTextAsync("Order");

        // The payloads are there, as text.
        await Expect(page.Locator("p.meta").First).ToContainTextAsync("<script>alert('subject')</script>");
        Assert.Contains("<script>alert('customer')</script>", await page.TextContentAsync("#message-text") ?? "", StringComparison.Ordinal);
        await Expect(page.Locator("ul.attachments a")).ToHaveTextAsync("<img src=x onerror=alert('file')>.txt");
        Assert.Contains("onerror=alert('company')", await page.TextContentAsync("#message-text") ?? "", StringComparison.Ordinal);

        // Nothing the message carried became markup on the page.
        // (The order's small map draws its own SVG and tile images inside #map; nothing else may.)
        Assert.Equal(0, await page.Locator("main script, main img:not(#map img), main svg:not(#map svg)").CountAsync());
        // The page's own scripts only: Leaflet, map.js (the stops' small map) and dashboard.js.
        Assert.Equal(3, await page.Locator("script").CountAsync());

        // The HTML part: sanitised, in a sandboxed frame, with no script, handler, link target, form or remote image left.
        var frame = page.FrameLocator("iframe.mail-html");
        await Expect(frame.Locator("body")).ToContainTextAsync(HostileOrderMessage.Reference);
        Assert.Equal(0, await frame.Locator("script, form, input, [onerror], a[href], img[src^='http']").CountAsync());
        Assert.Equal("", await page.GetAttributeAsync("iframe.mail-html", "sandbox"));

        // Focus every field (the evidence script runs over the marked text) and give any payload time to fire.
        foreach (var field in new[] { "customer", "reference_number", "stops[0].company", "cargo_description" })
        {
            await page.FocusAsync($"input[data-field='{field}']");
        }

        await page.WaitForTimeoutAsync(500);
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardArtifacts.Screenshots, "hostile-order.png"), FullPage = true });
        Assert.Empty(dialogs);

        // The attachment downloads as opaque bytes, never rendered as a page of the dashboard.
        var download = await page.APIRequest.GetAsync(fixture.LoopbackUrl + await page.GetAttributeAsync("ul.attachments a", "href"));
        Assert.Equal("application/octet-stream", download.Headers["content-type"]);
        Assert.StartsWith("attachment", download.Headers["content-disposition"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_CarryTheSecurityHeaders()
    {
        var page = await NewPageAsync();
        var response = await page.GotoAsync(fixture.LoopbackUrl + "/orders");
        var headers = await response!.AllHeadersAsync();
        Assert.Contains("script-src 'self'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal("no-referrer", headers["referrer-policy"]);
        Assert.False(headers.ContainsKey("strict-transport-security"), "HSTS only behind HTTPS");

        // htmx is served by the executable, and the browser checked it against the recorded integrity (it ran: the form is wired).
        Assert.True(await page.EvaluateAsync<bool>("() => typeof htmx === 'object' && htmx.version === '" + VendoredAssets.HtmxVersion + "'"));
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await fixture.Browser.NewContextAsync();
        return await context.NewPageAsync();
    }

    private async Task<IPage> OpenSampleOrderAsync()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(fixture.LoopbackUrl + "/orders?q=" + Uri.EscapeDataString(SampleReference));
        await page.ClickAsync("table.orders tbody tr >> nth=0 >> a");
        await page.ArriveAtAsync(new Regex(@"/orders/\d+$"));
        return page;
    }

    private static APIRequestContextOptions FormPost(string body) => new()
    {
        Data = body,
        Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" },
    };

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
