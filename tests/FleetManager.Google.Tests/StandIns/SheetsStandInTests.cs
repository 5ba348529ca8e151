using System.Net;
using System.Net.Http.Headers;
using FleetManager.StandIns.Sheets;

namespace FleetManager.Google.Tests.StandIns;

/// <summary>The Sheets stand-in reads USER_ENTERED values as Sheets does, so a client that lets text become a formula fails.</summary>
public sealed class SheetsStandInTests
{
    [Theory]
    [InlineData("=1+2", "3")]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")", "#ERROR!")]
    [InlineData("+49 170 1234567", "#ERROR!")]
    [InlineData("0049", "49")]
    [InlineData("'=1+2", "=1+2")]
    [InlineData("Hamburg", "Hamburg")]
    public void Display_UserEntered_AsTypedIntoTheCell(string typed, string shown) =>
        Assert.Equal(shown, UserEnteredValue.Display(typed));

    [Theory]
    [InlineData("RAW", "=1+2")]
    [InlineData("USER_ENTERED", "3")]
    public async Task Append_ValueInputOption_Honoured(string option, string shown)
    {
        await using var sheets = new SheetsStandIn();
        await sheets.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(sheets.BaseAddress, $"v4/spreadsheets/{sheets.SpreadsheetId}/values/Sheet1:append?valueInputOption={option}"))
        {
            Content = new StringContent("""{"values":[["=1+2"]]}"""),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "t");

        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
        Assert.Equal(shown, sheets.Rows()[0][0]);
    }
}
