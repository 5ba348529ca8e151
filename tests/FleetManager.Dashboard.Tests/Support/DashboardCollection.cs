using Xunit;

namespace FleetManager.Dashboard.Tests.Support;

/// <summary>The browser tests share one imported order book, its servers and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard in a browser";
}
