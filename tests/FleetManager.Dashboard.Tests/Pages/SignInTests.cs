using System.Net;
using System.Text.RegularExpressions;
using FleetManager.Dashboard.Tests.Support;
using Microsoft.Playwright;
using Xunit;

namespace FleetManager.Dashboard.Tests.Pages;

/// <summary>
/// Built-in users signing in to a real <c>fleetmanager serve</c> with <c>Dashboard:LoopbackWithoutLogin=false</c>, in
/// Chromium: the redirect to /login, a wrong password, a session per role, sign-out, the antiforgery check, a user
/// removed with the CLI, the rate limit and a session surviving a restart.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class SignInTests(DashboardFixture fixture, SignInBook book) : IClassFixture<SignInBook>
{
    [Fact]
    public async Task Page_WithoutASession_RedirectsToSignInAndApiAnswers401()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler);

        var orders = await client.GetAsync(new Uri(book.Url + "/orders?q=x"));
        var api = await client.GetAsync(new Uri(book.Url + "/api/v1/map/lanes"));

        Assert.Equal(HttpStatusCode.Redirect, orders.StatusCode);
        Assert.Equal("/login?returnUrl=%2Forders%3Fq%3Dx", orders.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        var page = await NewPageAsync();
        await page.GotoAsync(book.Url + "/orders");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await Expect(page.Locator("label[for=sign-in-name]")).ToHaveTextAsync("Name");
        await Expect(page.Locator("label[for=sign-in-password]")).ToHaveTextAsync("Password");
    }

    [Theory]
    [InlineData(SignInBook.Dispatcher, "wrong password!")]
    [InlineData("nobody", SignInBook.Password)]
    public async Task SignIn_WrongNameOrPassword_SaysSoAndStartsNoSession(string name, string password)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(book.Url + "/orders");

        await SubmitAsync(page, name, password);

        await Expect(page.Locator("#sign-in-error")).ToHaveTextAsync("Wrong name or password.");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "fm-session");
        var again = await page.GotoAsync(book.Url + "/orders");
        Assert.Contains("/login", again!.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_Dispatcher_OpensTheOrdersWithTheirNameAndMayCorrect()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(book.Url + "/orders?q=Augsburg");

        // Any case of the name signs in; the page asked for comes back.
        await SubmitAsync(page, SignInBook.Dispatcher.ToUpperInvariant(), SignInBook.Password);

        await page.ArriveAtAsync(new Regex(@"/orders\?q=Augsburg$"));
        await Expect(page.Locator("header .user")).ToHaveTextAsync("Dora (dispatcher)");
        var session = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "fm-session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
        await page.ClickAsync("table.orders tbody tr >> nth=0 >> a");
        Assert.Equal(1, await page.Locator("#save").CountAsync());
        await page.ClickAsync("#mark-reviewed");
        await Expect(page.Locator("#status")).ToHaveTextAsync("reviewed");
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardArtifacts.Screenshots, "signed-in-dispatcher.png") });
    }

    [Fact]
    public async Task SignIn_Viewer_SeesNoFormAndAChangeIsRefused403()
    {
        var page = await SignedInPageAsync(SignInBook.Viewer);
        await page.GotoAsync(book.Url + "/orders");
        await page.ClickAsync("table.orders tbody tr >> nth=0 >> a");
        var id = Regex.Match(page.Url, @"/orders/(\d+)").Groups[1].Value;

        Assert.Equal(0, await page.Locator("#save").CountAsync());
        // A valid form token of this session (the sign-out page's), so only the role can refuse it.
        await page.GotoAsync(book.Url + "/logout");
        var token = await page.InputValueAsync("input[name=__RequestVerificationToken]");
        var post = await page.APIRequest.PostAsync($"{book.Url}/orders/{id}/status", FormPost("status=cancelled&__RequestVerificationToken=" + Uri.EscapeDataString(token)));
        Assert.Equal(403, post.Status);
        var users = await page.GotoAsync(book.Url + "/users");
        Assert.Equal(403, users!.Status);
    }

    [Fact]
    public async Task SignIn_Admin_SeesTheUsersPageWithoutHashes()
    {
        var page = await SignedInPageAsync(SignInBook.Admin);

        await page.ClickAsync("nav a[href='/users']");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Users");
        var table = await page.TextContentAsync("table.users") ?? "";
        Assert.Contains("Dora", table, StringComparison.Ordinal);
        Assert.Contains("dispatcher", table, StringComparison.Ordinal);
        Assert.DoesNotContain("AQAAAA", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_FromTheHeader_EndsTheSession()
    {
        var page = await SignedInPageAsync(SignInBook.Dispatcher);

        await page.ClickAsync("header a.sign-out");
        await page.ClickAsync("#sign-out");

        await page.ArriveAtAsync(new Regex("/login$"));
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "fm-session");
        await page.GotoAsync(book.Url + "/orders");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_PostWithoutTheAntiforgeryToken_Is400AndStartsNoSession()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(book.Url + "/login");

        var post = await page.APIRequest.PostAsync(book.Url + "/login", FormPost($"name={SignInBook.Dispatcher}&password={Uri.EscapeDataString(SignInBook.Password)}"));

        Assert.Equal(400, post.Status);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "fm-session");
    }

    [Fact]
    public async Task Session_UserRemovedOrDemotedWithTheCli_LosesAccessOnTheNextRequest()
    {
        await book.AddUserAsync("temp", "dispatcher");
        await book.AddUserAsync("demoted", "dispatcher");
        var removed = await SignedInPageAsync("temp");
        var demoted = await SignedInPageAsync("demoted");

        Assert.Equal(0, (await ServeProcess.RunCliAsync("users", "remove", "temp", "--db", book.Database)).ExitCode);
        Assert.Equal(0, (await ServeProcess.RunCliAsync("users", "set-role", "demoted", "--role", "viewer", "--db", book.Database)).ExitCode);

        await removed.ReloadAsync();
        Assert.Contains("/login", removed.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(await removed.Context.CookiesAsync(), c => c.Name == "fm-session");
        // A role change ends the session; signing in again gives the new role.
        await demoted.ReloadAsync();
        Assert.Contains("/login", demoted.Url, StringComparison.Ordinal);
        await SubmitAsync(demoted, "demoted", SignInBook.Password);
        await Expect(demoted.Locator("header .user")).ToHaveTextAsync("demoted (viewer)");
    }

    [Fact]
    public async Task SignIn_MoreAttemptsThanTheLimit_Answers429()
    {
        using var limited = await book.StartServeAsync(new Dictionary<string, string> { ["FLEETMANAGER__DASHBOARD__SIGNINATTEMPTSPERMINUTE"] = "3" });
        var page = await NewPageAsync();
        var url = $"http://127.0.0.1:{limited.Port}";
        var form = await (await page.APIRequest.GetAsync(url + "/login")).TextAsync();
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var statuses = new List<int>();
        var last = "";
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var response = await page.APIRequest.PostAsync(url + "/login", FormPost(
                $"__RequestVerificationToken={Uri.EscapeDataString(token)}&name={SignInBook.Dispatcher}&password=guess+number+{attempt}"));
            statuses.Add(response.Status);
            last = await response.TextAsync();
        }

        Assert.Equal([401, 401, 401, 429], statuses);
        Assert.Contains("Too many sign-in attempts", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_ServerRestarted_StillSignedInAndTheKeysAreOwnerOnly()
    {
        var page = await NewPageAsync();
        using (var first = await book.StartServeAsync(new Dictionary<string, string>()))
        {
            await page.GotoAsync($"http://127.0.0.1:{first.Port}/login");
            await SubmitAsync(page, SignInBook.Admin, SignInBook.Password);
            await Expect(page.Locator("header .user")).ToHaveTextAsync("adam (admin)");
        }

        using var second = await book.StartServeAsync(new Dictionary<string, string>());
        await page.GotoAsync($"http://127.0.0.1:{second.Port}/orders");

        await Expect(page.Locator("header .user")).ToHaveTextAsync("adam (admin)");
        var keys = Path.Combine(book.Folder, "dashboard-keys");
        Assert.NotEmpty(Directory.GetFiles(keys, "*.xml"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
        }
    }

    private async Task<IPage> SignedInPageAsync(string name)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(book.Url + "/login");
        await SubmitAsync(page, name, SignInBook.Password);
        await Expect(page.Locator("header .user")).ToContainTextAsync(name);
        return page;
    }

    /// <summary>Fills and submits the sign-in form; returns the POST's answer (the browser then follows any redirect).</summary>
    private static async Task<IResponse> SubmitAsync(IPage page, string name, string password)
    {
        await page.FillAsync("#sign-in-name", name);
        await page.FillAsync("#sign-in-password", password);
        return await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#sign-in"), r => r.Request.Method == "POST" && r.Url.Contains("/login", StringComparison.Ordinal));
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await fixture.Browser.NewContextAsync();
        return await context.NewPageAsync();
    }

    private static APIRequestContextOptions FormPost(string body) => new()
    {
        Data = body,
        Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" },
    };

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
