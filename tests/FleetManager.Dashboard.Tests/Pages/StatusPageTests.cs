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

    [Fact]
    public async Task Status_UnderRun_ShowsTheSourceWithItsLeaseHolderAndTheVersion()
    {
        var directory = Directory.CreateTempSubdirectory("fm-dashboard-run-").FullName;
        try
        {
            var mail = Directory.CreateDirectory(Path.Combine(directory, "mail")).FullName;
            foreach (var file in Directory.GetFiles(FleetManager.Tests.Support.RepoPaths.Samples, "*.eml").Take(3))
            {
                File.Copy(file, Path.Combine(mail, Path.GetFileName(file)));
            }

            using var service = await ServeProcess.StartRunAsync(Path.Combine(directory, "fm.db"), new Dictionary<string, string>
            {
                ["FLEETMANAGER__SOURCES__0__NAME"] = "inbox",
                ["FLEETMANAGER__SOURCES__0__KIND"] = "folder",
                ["FLEETMANAGER__SOURCES__0__FOLDER__PATH"] = mail,
            });
            var page = await (await fixture.Browser.NewContextAsync()).NewPageAsync();
            var url = $"http://127.0.0.1:{service.Port}/status";
            // The first poll reads the three samples; wait until it has succeeded.
            await page.GotoAsync(url);
            for (var i = 0; i < 120 && !(await page.Locator("#sources td.last-success").First.TextContentAsync() ?? "").Contains("UTC", StringComparison.Ordinal); i++)
            {
                await Task.Delay(500);
                await page.ReloadAsync();
            }

            Assert.Equal("3", await page.TextContentAsync("#book-messages"));

            var row = page.Locator("#sources tbody tr").First;
            await Assertions.Expect(row).ToContainTextAsync("inbox");
            await Assertions.Expect(row).ToContainTextAsync("folder");
            await Assertions.Expect(row).ToContainTextAsync("this instance");
            await Assertions.Expect(page.Locator("#version")).Not.ToBeEmptyAsync();
            await Assertions.Expect(page.Locator("#model")).ToContainTextAsync("rules");
            Assert.Equal(0, await page.Locator("#no-sources").CountAsync());
            await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardArtifacts.Screenshots, "status-run.png"), FullPage = true });
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
