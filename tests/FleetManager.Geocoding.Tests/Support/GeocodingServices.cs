using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FleetManager.Geocoding.Tests.Support;

/// <summary>The geocoder wired as the application wires it (AddGeocoding), on a fake clock and a counting cache.</summary>
internal sealed class GeocodingServices : IDisposable
{
    private readonly ServiceProvider _provider;

    public GeocodingServices(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IGeocodeCache>(Cache);
        services.AddGeocoding(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));

    public CountingGeocodeCache Cache { get; } = new();

    public IGeocoder Geocoder => _provider.GetRequiredService<IGeocoder>();

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public T GetKeyed<T>(object key) where T : notnull => _provider.GetRequiredKeyedService<T>(key);

    public static Stop Stop(string city, string? country = "DE", string? address = null, string? postalCode = null) =>
        new() { Type = StopType.Loading, City = city, Country = country, Address = address, PostalCode = postalCode };

    public void Dispose() => _provider.Dispose();
}
