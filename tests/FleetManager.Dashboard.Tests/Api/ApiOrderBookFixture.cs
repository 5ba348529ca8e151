using FleetManager.Dashboard.Tests.Support;
using Xunit;

namespace FleetManager.Dashboard.Tests.Api;

/// <summary>An order book of the API write tests' own (the samples, served on loopback), so their corrections do not change what the shared book's tests read.</summary>
public sealed class ApiOrderBookFixture : IAsyncLifetime
{
    private OwnOrderBook? _book;

    public string Url => _book!.Url;

    public async Task InitializeAsync() => _book = await OwnOrderBook.StartAsync(new Dictionary<string, string>());

    public async Task DisposeAsync()
    {
        if (_book is not null)
        {
            await _book.DisposeAsync();
        }
    }
}
