using FleetManager.Google.Sheets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FleetManager.Google.Tests.Sheets;

public sealed class SheetsOptionsTests
{
    [Theory]
    [InlineData("Sheet1", "Sheet1")]
    [InlineData("Orders!A1:AK", "Orders")]
    [InlineData("'My Orders'!A:A", "My Orders")]
    [InlineData("'Bob''s'", "Bob's")]
    public void SheetName_RangeOrTab_TabName(string range, string expected) =>
        Assert.Equal(expected, new SheetsOptions { Range = range }.SheetName);

    [Fact]
    public void AddSheets_DefaultsWithoutSpreadsheet_NotConfiguredButValid()
    {
        var options = Resolve([]);

        Assert.False(options.IsConfigured);
        Assert.Equal(new Uri("https://sheets.googleapis.com/"), options.BaseUrl);
        Assert.Equal("Sheet1", options.SheetName);
    }

    [Fact]
    public void AddSheets_WholeUrlAsSpreadsheetId_FailsValidation()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Sheets:SpreadsheetId"] = "https://docs.google.com/spreadsheets/d/abc/edit" }));

        Assert.Contains("not the whole URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSheets_ZeroBatchSize_FailsValidation() =>
        Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Sheets:BatchSize"] = "0" }));

    private static SheetsOptions Resolve(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSheets(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<SheetsOptions>>().Value;
    }
}
