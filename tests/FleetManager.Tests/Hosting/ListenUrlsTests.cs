using FleetManager.Hosting;
using Xunit;

namespace FleetManager.Tests.Hosting;

public sealed class ListenUrlsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("http://localhost:8080", true)]
    [InlineData("http://[::1]:8080", true)]
    [InlineData("http://127.0.0.1:8080;http://localhost:8081", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://+:8080", false)]
    [InlineData("http://192.168.1.10:8080", false)]
    [InlineData("http://127.0.0.1:8080;http://0.0.0.0:8081", false)]
    public void LoopbackOnly_EveryAddressLoopback_IsTrueAnyOtherIsFalse(string urls, bool expected)
    {
        Assert.Equal(expected, ListenUrls.LoopbackOnly(urls));
    }
}
