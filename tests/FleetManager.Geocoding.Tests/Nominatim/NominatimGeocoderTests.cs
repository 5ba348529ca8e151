using FleetManager.Core.Geo;
using FleetManager.Core.Http;
using FleetManager.Geocoding.Nominatim;
using FleetManager.Geocoding.Tests.Support;
using FleetManager.StandIns.Nominatim;
using Microsoft.Extensions.Options;

namespace FleetManager.Geocoding.Tests.Nominatim;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class NominatimGeocoderTests : IAsyncLifetime
{
    private const string Agent = "FleetManager-tests/1.0 (dispatch@example.com)";
    private readonly NominatimStandIn _standIn = new();
    private GeocodingServices _services = null!;

    public async Task InitializeAsync()
    {
        await _standIn.StartAsync();
        _services = Services(Agent);
    }

    public async Task DisposeAsync()
    {
        _services.Dispose();
        await _standIn.DisposeAsync();
    }

    [Fact]
    public async Task GeocodeAsync_Found_PointWithUserAgentEmailAndCountry()
    {
        _standIn.Add("Eching", 48.3, 11.62);

        var point = await _services.Geocoder.GeocodeAsync(GeocodingServices.Stop("Eching"), CancellationToken.None);

        Assert.Equal(48.3, point!.Latitude);
        Assert.Equal(11.62, point.Longitude);
        var request = Assert.Single(_standIn.Requests);
        Assert.Equal(Agent, request.Headers["User-Agent"]);
        Assert.Contains("format=jsonv2", request.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("countrycodes=de", request.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("email=dispatch%40example.com", request.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeocodeAsync_EmptyArray_GazetteerAnswers()
    {
        var point = await _services.Geocoder.GeocodeAsync(GeocodingServices.Stop("München"), CancellationToken.None);

        Assert.Equal(await OfflineGazetteer.Shared.GeocodeAsync(GeocodingServices.Stop("München"), CancellationToken.None), point);
        Assert.Null(Assert.Single(_services.Cache.Puts).Point);
    }

    [Fact]
    public async Task GeocodeAsync_BlockedAgent_StopsWithFix()
    {
        using var services = Services("python-requests/2.31");

        var error = await Assert.ThrowsAsync<GeocoderRejectedException>(() => services.Geocoder.GeocodeAsync(GeocodingServices.Stop("Eching"), CancellationToken.None).AsTask());

        Assert.Contains("UserAgent", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void AddGeocoding_EmptyUserAgent_FailsValidation()
    {
        using var services = Services(" ");

        var error = Assert.Throws<OptionsValidationException>(() => services.Get<IOptions<NominatimOptions>>().Value);

        Assert.Contains("usage policy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeocodeAsync_ManyPlacesAtOnce_NeverMoreThanOneRequestPerSecond()
    {
        string[] cities = ["Eching", "Freising", "Erding", "Dachau", "Moosburg", "Landshut"];
        foreach (var (city, i) in cities.Select((c, i) => (c, i)))
        {
            _standIn.Add(city, 48 + (i / 10.0), 11);
        }

        var lookups = Task.WhenAll(cities.Select(c => _services.Geocoder.GeocodeAsync(GeocodingServices.Stop(c), CancellationToken.None).AsTask()));
        // Drive the fake clock until every lookup is through; the spacing is asserted on the limiter's own
        // record of granted slots (fake time), never on wall-clock time.
        for (var turns = 0; !lookups.IsCompleted && turns < 10_000; turns++)
        {
            _services.Time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(lookups, Task.Delay(2));
        }

        var points = await lookups;
        Assert.All(points, Assert.NotNull);
        var schedule = _services.GetKeyed<RequestSpacingRateLimiter>(GeocodingServiceCollectionExtensions.NominatimLimiterKey).Granted;
        Assert.Equal(cities.Length, schedule.Count);
        Assert.Equal(cities.Length, _standIn.Requests.Count);
        Assert.All(schedule.Zip(schedule.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(1), $"{pair.First:O} → {pair.Second:O}"));
    }

    private GeocodingServices Services(string agent) => new(new()
    {
        ["Geocoding:Provider"] = "nominatim",
        ["Geocoding:Nominatim:BaseUrl"] = _standIn.BaseAddress.ToString(),
        ["Geocoding:Nominatim:UserAgent"] = agent,
        ["Geocoding:Nominatim:Email"] = "dispatch@example.com",
        ["Geocoding:Nominatim:AttemptTimeout"] = "00:05:00",
        ["Geocoding:Nominatim:RetryBaseDelay"] = "00:00:00",
    });
}
