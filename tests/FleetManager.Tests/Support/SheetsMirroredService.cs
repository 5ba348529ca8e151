using System.Net;
using FleetManager.StandIns.OAuth;
using FleetManager.StandIns.Sheets;

namespace FleetManager.Tests.Support;

/// <summary>
/// <c>fleetmanager run</c> as a process over one sample booking in a folder source (polled every second), mirrored to
/// a Sheets stand-in through a stand-in OAuth client, with an HTTP client (cookie jar, no redirects) for its dashboard:
/// what the dashboard's Sheets tests (a correction updates its row, a failing row is retried) start.
/// </summary>
internal static class SheetsMirroredService
{
    private const string SheetsScope = "https://www.googleapis.com/auth/spreadsheets";

    /// <param name="client">Names the OAuth client and its refresh token in the stand-in.</param>
    /// <param name="requestTimeout">The HTTP client's timeout per request.</param>
    /// <param name="startTimeout">How long the service may take to answer <c>/healthz/live</c>.</param>
    public static async Task<(ServiceProcess Service, HttpClient Http, string Db)> StartAsync(
        TempDirectory temp, OAuthTokenStandIn oauth, SheetsStandIn sheets, string client, TimeSpan requestTimeout, TimeSpan startTimeout)
    {
        var mail = temp.File("mail");
        SampleMessages.CopyTo(mail, 1); // one booking: one order, 9,800 kg
        var db = temp.File("fm.db");
        var port = FreeTcpPort.Next();
        var environment = StandInGoogleCredential.Create(temp, oauth, $"{client}.apps.googleusercontent.com", $"1//{client}", SheetsScope);
        environment["FLEETMANAGER__SERVICE__URLS"] = $"http://127.0.0.1:{port}";
        environment["FLEETMANAGER__SOURCES__0__NAME"] = "inbox";
        environment["FLEETMANAGER__SOURCES__0__KIND"] = "folder";
        environment["FLEETMANAGER__SOURCES__0__FOLDER__PATH"] = mail;
        environment["FLEETMANAGER__SOURCES__0__INTERVAL"] = "00:00:01";
        environment["GOOGLE_SHEETS_SPREADSHEET_ID"] = sheets.SpreadsheetId;
        environment["FLEETMANAGER__SHEETS__BASEURL"] = sheets.BaseAddress.AbsoluteUri;
        var service = ServiceProcess.Start(temp.Path, environment, "run", "--db", db);
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = requestTimeout,
        };
        await ServiceProcess.WaitUntilAsync(async () =>
        {
            try
            {
                using var live = await http.GetAsync(new Uri("/healthz/live", UriKind.Relative));
                return live.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, service, "the service listening", startTimeout);
        return (service, http, db);
    }
}
