using FleetManager.Dashboard.Tests.Support;
using Microsoft.Playwright;
using Xunit;

namespace FleetManager.Dashboard.Tests.Pages;

/// <summary>The status page under <c>serve</c> (no sources) in Chromium.</summary>
[Collection(DashboardCollection.Name)]
public sealed class StatusPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Status_UnderServe_SaysNoSourcesAreConfiguredAndShowsTheBook()
    {
        var page = await (await fixture.Browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(fixture.LoopbackUrl + "/status");
        await Assertions.Expect(page.Locator("#no-sources")).ToContainTextAsync("No mail sources are configured");
        var messages = int.Parse(await page.TextContentAsync("#book-messages") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(messages > 50);
        Assert.True(int.Parse(await page.TextContentAsync("#book-orders") ?? "0", System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(1, await page.Locator("header nav a[href='/status']").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardArtifacts.Screenshots, "status.png"), FullPage = true });
    }
}
