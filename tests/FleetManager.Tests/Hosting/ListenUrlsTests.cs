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

    [Theory]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://+:8080")]
    [InlineData("http://*:8080")]
    public void Problem_HttpAddress_None(string url)
    {
        Assert.Null(ListenUrls.Problem(url));
    }

    [Theory]
    [InlineData("https://0.0.0.0:8443", "'https://0.0.0.0:8443' asks for HTTPS, which FleetManager leaves to a front proxy that holds the certificate (Caddy or nginx, docs/deployment.md): listen on http:// behind it")]
    [InlineData("ftp://x", "'ftp://x' is not an http:// URL")]
    [InlineData("8080", "'8080' is not an http:// URL")]
    public void Problem_NotPlainHttp_SaysWhy(string url, string expected)
    {
        Assert.Equal(expected, ListenUrls.Problem(url));
    }
}
