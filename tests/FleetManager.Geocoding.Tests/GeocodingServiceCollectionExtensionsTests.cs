using FleetManager.Core.Geo;
using FleetManager.Geocoding.Tests.Support;

namespace FleetManager.Geocoding.Tests;

public sealed class GeocodingServiceCollectionExtensionsTests
{
    [Fact]
    public void AddGeocoding_NothingConfigured_OfflineGazetteer()
    {
        using var services = new GeocodingServices([]);

        Assert.Same(OfflineGazetteer.Shared, services.Geocoder);
    }

    [Fact]
    public void AddGeocoding_Nominatim_CachingGeocoderOverNominatim()
    {
        using var services = new GeocodingServices(new() { ["Geocoding:Provider"] = "Nominatim", ["Geocoding:Nominatim:UserAgent"] = "FleetManager-tests/1.0" });

        Assert.IsType<CachingGeocoder>(services.Geocoder);
        Assert.Equal("nominatim", services.Get<IGeocodingProvider>().Name);
    }
}
