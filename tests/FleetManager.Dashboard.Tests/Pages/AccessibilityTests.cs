using Deque.AxeCore.Playwright;
using FleetManager.Dashboard.Tests.Support;
using Xunit;

namespace FleetManager.Dashboard.Tests.Pages;

/// <summary>
/// axe-core (Deque.AxeCore.Playwright, which carries axe.min.js itself: nothing is fetched) over every page of the
/// dashboard in Chromium: no serious or critical violation.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class AccessibilityTests(DashboardFixture fixture)
{
    public static TheoryData<string> Pages { get; } =
    [
        "/orders",
        "/orders?review=1",
        "/orders/first",
        "/review",
        "/messages",
        "/messages/1",
        "/map",
        "/status",
        "/login",
        "/logout",
        "/users",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task RunAxe_OnThePage_FindsNoSeriousOrCriticalViolation(string path)
    {
        var page = await (await fixture.Browser.NewContextAsync()).NewPageAsync();
        if (path == "/orders/first")
        {
            await page.GotoAsync(fixture.LoopbackUrl + "/orders");
            path = (await page.Locator("table.orders tbody tr >> nth=0 >> a").GetAttributeAsync("href"))!;
        }

        var response = await page.GotoAsync(fixture.LoopbackUrl + path);
        Assert.Equal(200, response!.Status);
        if (path == "/map")
        {
            await Microsoft.Playwright.Assertions.Expect(page.Locator("#map")).ToHaveAttributeAsync("data-lanes", new System.Text.RegularExpressions.Regex(@"^\d+$"));
        }

        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, path + ":\n" + string.Join("\n", serious));
    }
}
