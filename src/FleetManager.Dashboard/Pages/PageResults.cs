using System.Text;
using Microsoft.AspNetCore.Http;

namespace FleetManager.Dashboard.Pages;

/// <summary>A rendered page as an endpoint's answer.</summary>
public static class PageResults
{
    public static IResult Html(string page, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(page, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
}
