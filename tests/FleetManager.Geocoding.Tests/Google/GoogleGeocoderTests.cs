using FleetManager.Core.Geo;
using FleetManager.Geocoding.Tests.Support;
using FleetManager.StandIns;
using FleetManager.StandIns.GoogleGeocoding;
using Microsoft.Extensions.Options;

namespace FleetManager.Geocoding.Tests.Google;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class GoogleGeocoderTests : IAsyncLifetime
{
    private readonly GoogleGeocodingStandIn _standIn = new();
    private GeocodingServices _services = null!;

    public async Task InitializeAsync()
    {
        await _standIn.StartAsync();
        _services = Services(GoogleGeocodingStandIn.DefaultApiKey);
    }

    public async Task DisposeAsync()
    {
        _services.Dispose();
        await _standIn.DisposeAsync();
    }

    [Fact]
    public async Task GeocodeAsync_Ok_FirstResultWithCountryRestriction()
    {
        _standIn.Add("Eching", 48.3, 11.62, locationType: "ROOFTOP");

        var point = await _services.Geocoder.GeocodeAsync(GeocodingServices.Stop("Eching", address: "Industriestraße 14"), CancellationToken.None);

        Assert.Equal(48.3, point!.Latitude);
        Assert.Equal(11.62, point.Longitude);
        Assert.Equal(1.0, point.Confidence);
        var request = Assert.Single(_standIn.Requests);
        Assert.Contains("components=country%3ADE", request.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("address=Industriestra%C3%9Fe%2014%2C%20Eching", request.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeocodeAsync_PartialMatch_LowerConfidence()
    {
        _standIn.Add("Eching", 48.3, 11.62, partialMatch: true, locationType: "ROOFTOP");

        var point = await _services.Geocoder.GeocodeAsync(GeocodingServices.Stop("Eching"), CancellationToken.None);

        Assert.True(point!.Confidence < 1.0);
    }

    [Fact]
    public async Task GeocodeAsync_SameAddressTwice_SecondMakesNoRequest()
    {
        _standIn.Add("Eching", 48.3, 11.62);

        await _services.Geocoder.GeocodeAsync(GeocodingServices.Stop("Eching"), CancellationToken.None);
        await _services.Geocoder.GeocodeAsync(GeocodingServices.Stop("eching"), CancellationToken.None);

        Assert.Single(_standIn.Requests);
        Assert.Equal("google", Assert.Single(_services.Cache.Puts).Provider);
    }

    [Fact]
    public async Task GeocodeAsync_ZeroResults_GazetteerAnswersAndMissCached()
    {
        var point = await _services.Geocoder.GeocodeAsync(GeocodingServices.Stop("München"), CancellationToken.None);
        await _services.Geocoder.GeocodeAsync(GeocodingServices.Stop("München"), CancellationToken.None);

        var expected = await OfflineGazetteer.Shared.GeocodeAsync(GeocodingServices.Stop("München"), CancellationToken.None);
        Assert.Equal(expected, point);
        Assert.Single(_standIn.Requests);
        Assert.Null(Assert.Single(_services.Cache.Puts).Point);
    }

    [Fact]
    public async Task GeocodeAsync_OverQueryLimit_GazetteerAnswersGoogleRestsThenAskedAgain()
    {
        _standIn.Add("München", 48.137, 11.575);
        _standIn.EnqueueStatus("OVER_QUERY_LIMIT");

        var during = await _services.Geocoder.GeocodeAsync(GeocodingServices.Stop("München"), CancellationToken.None);
        await _services.Geocoder.GeocodeAsync(GeocodingServices.Stop("München"), CancellationToken.None);
        var requestsWhileResting = _standIn.Requests.Count;
        _services.Time.Advance(TimeSpan.FromMinutes(2));
        var after = await _services.Geocoder.GeocodeAsync(GeocodingServices.Stop("München"), CancellationToken.None);

        Assert.NotNull(during);
        Assert.Equal(1, requestsWhileResting);
        Assert.Equal(48.137, after!.Latitude);
        Assert.Equal(2, _standIn.Requests.Count);
    }

    [Fact]
    public async Task GeocodeAsync_UnknownError_Retried()
    {
        _standIn.Add("Eching", 48.3, 11.62);
        _standIn.EnqueueStatus("UNKNOWN_ERROR");

        var point = await _services.Geocoder.GeocodeAsync(GeocodingServices.Stop("Eching"), CancellationToken.None);

        Assert.Equal(48.3, point!.Latitude);
        Assert.Equal(2, _standIn.Requests.Count);
    }

    [Fact]
    public async Task GeocodeAsync_ServerError_RetriedByTheHandler()
    {
        _standIn.Add("Eching", 48.3, 11.62);
        _standIn.Faults.Enqueue(new Fault.Status(503, "{}"));

        var point = await _services.Geocoder.GeocodeAsync(GeocodingServices.Stop("Eching"), CancellationToken.None);

        Assert.Equal(48.3, point!.Latitude);
        Assert.Equal(2, _standIn.Requests.Count);
    }

    [Fact]
    public async Task GeocodeAsync_WrongKey_RequestDeniedStopsWithFix()
    {
        using var services = Services("not-the-key");

        var error = await Assert.ThrowsAsync<GeocoderRejectedException>(() => services.Geocoder.GeocodeAsync(GeocodingServices.Stop("Eching"), CancellationToken.None).AsTask());

        Assert.Equal("REQUEST_DENIED", error.Status);
        Assert.Contains("GOOGLE_MAPS_API_KEY", error.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeocodeAsync_InvalidRequest_StopsWithFix()
    {
        _standIn.EnqueueStatus("INVALID_REQUEST");

        var error = await Assert.ThrowsAsync<GeocoderRejectedException>(() => _services.Geocoder.GeocodeAsync(GeocodingServices.Stop("Eching"), CancellationToken.None).AsTask());

        Assert.Equal("INVALID_REQUEST", error.Status);
    }

    [Fact]
    public void AddGeocoding_GoogleWithoutKey_FailsValidation()
    {
        using var services = new GeocodingServices(new() { ["Geocoding:Provider"] = "google" });

        var error = Assert.Throws<OptionsValidationException>(() => services.Get<IOptions<Geocoding.Google.GoogleGeocodingOptions>>().Value);

        Assert.Contains("GOOGLE_MAPS_API_KEY", error.Message, StringComparison.Ordinal);
    }

    private GeocodingServices Services(string key) => new(new()
    {
        ["Geocoding:Provider"] = "google",
        ["Geocoding:Google:BaseUrl"] = _standIn.BaseAddress.ToString(),
        ["Geocoding:Google:ApiKey"] = key,
        ["Geocoding:Google:RetryBaseDelay"] = "00:00:00",
        ["Geocoding:Google:AttemptTimeout"] = "00:05:00",
    });
}
