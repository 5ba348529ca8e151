using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace FleetManager.Dashboard.Tests.Support;

/// <summary>
/// Waiting for the page a click or a form post leads to, without depending on Playwright's "load" lifecycle event:
/// once in a full CI run on a loaded machine, <c>WaitForURLAsync</c> after the sign-out form's POST → 302 → /login saw
/// the URL match and the "networkidle" event come, but never "load", and timed out after 30 s (it passed alone 20
/// times in a row). Here the URL is polled, then the document's own <c>readyState</c> is read in the page.
/// </summary>
internal static class PageArrival
{
    /// <summary>Playwright's own default navigation timeout.</summary>
    private const float DefaultTimeout = 30_000;

    /// <summary>Waits until the page's URL matches <paramref name="url"/> and that document has finished loading.</summary>
    public static async Task ArriveAtAsync(this IPage page, Regex url, float timeout = DefaultTimeout)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = timeout });
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'", null, new() { Timeout = timeout });
    }
}
