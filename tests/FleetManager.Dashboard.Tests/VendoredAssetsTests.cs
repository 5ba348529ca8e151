using Xunit;

namespace FleetManager.Dashboard.Tests;

public sealed class VendoredAssetsTests
{
    [Fact]
    public void TryGet_Htmx_MatchesTheRecordedIntegrity()
    {
        Assert.True(VendoredAssets.TryGet("htmx.min.js", out var content, out var type, out _));
        Assert.Equal(VendoredAssets.HtmxIntegrity, VendoredAssets.IntegrityOf(content));
        Assert.StartsWith("text/javascript", type, StringComparison.Ordinal);
        Assert.Contains("version:\"" + VendoredAssets.HtmxVersion + "\"", System.Text.Encoding.UTF8.GetString(content), StringComparison.Ordinal);
    }

    [Fact]
    public void Names_ShippedJavaScriptAndCss_StayWithinTheBudget()
    {
        var total = VendoredAssets.Names.Where(n => n.EndsWith(".js", StringComparison.Ordinal) || n.EndsWith(".css", StringComparison.Ordinal))
            .Sum(n => VendoredAssets.TryGet(n, out var content, out _, out _) ? content.Length : 0);
        Assert.InRange(total, 1, 150 * 1024);
    }
}
