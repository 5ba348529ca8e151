using FleetManager.Service;
using Microsoft.Extensions.Configuration;
using Xunit;
using FleetManager.Service.Sources;

namespace FleetManager.Tests.Service.Sources;

public sealed class SourceConfigurationTests
{
    private static readonly IConfiguration Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Gmail:CredentialsFile"] = "/secrets/shared.json",
        ["Gmail:Query"] = "in:inbox",
        ["Sources:0:Name"] = "sales",
        ["Sources:0:Gmail:User"] = "sales@example.com",
        ["Sources:0:Gmail:Query"] = "label:orders",
        ["Sources:1:Name"] = "plain",
    }).Build();

    [Fact]
    public void Overlay_SourceHasItsOwnValues_TheyWinAndSharedOnesRemain()
    {
        var merged = SourceConfiguration.Overlay(Configuration, Configuration.GetSection("Sources:0"), "Gmail");

        Assert.Equal("sales@example.com", merged["Gmail:User"]);
        Assert.Equal("label:orders", merged["Gmail:Query"]);
        Assert.Equal("/secrets/shared.json", merged["Gmail:CredentialsFile"]);
    }

    [Fact]
    public void Overlay_SourceWithoutTheSection_IsTheTopLevelSettings()
    {
        var merged = SourceConfiguration.Overlay(Configuration, Configuration.GetSection("Sources:1"), "Gmail");

        Assert.Equal("in:inbox", merged["Gmail:Query"]);
        Assert.Null(merged["Gmail:User"]);
    }
}
