using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Geocoding.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace FleetManager.Geocoding.Tests;

public sealed class CachingGeocoderTests
{
    private static readonly GeoPoint Fallback = new(1, 2, 0.6);
    private static readonly GeoPoint Online = new(48.3, 11.6, 1.0);

    [Fact]
    public async Task GeocodeAsync_SecondTimeSameQuery_AnsweredFromCacheWithoutLookup()
    {
        var provider = new ScriptedProvider(_ => Online);
        var geocoder = Create(provider, new CountingGeocodeCache());

        var first = await geocoder.GeocodeAsync(GeocodingServices.Stop("Eching"), CancellationToken.None);
        var second = await geocoder.GeocodeAsync(GeocodingServices.Stop("  ECHING "), CancellationToken.None);

        Assert.Equal(Online, first);
        Assert.Equal(Online, second);
        Assert.Equal(1, provider.Calls);
    }

    [Fact]
    public async Task GeocodeAsync_ProviderKnowsNothing_MissCachedAndGazetteerAnswers()
    {
        var provider = new ScriptedProvider(_ => null);
        var cache = new CountingGeocodeCache();
        var geocoder = Create(provider, cache);

        var first = await geocoder.GeocodeAsync(GeocodingServices.Stop("Nowhere"), CancellationToken.None);
        var second = await geocoder.GeocodeAsync(GeocodingServices.Stop("Nowhere"), CancellationToken.None);

        Assert.Equal(Fallback, first);
        Assert.Equal(Fallback, second);
        Assert.Equal(1, provider.Calls);
        Assert.Null(Assert.Single(cache.Puts).Point);
    }

    [Fact]
    public async Task GeocodeAsync_ProviderUnavailable_GazetteerAnswersAndNothingCached()
    {
        var provider = new ScriptedProvider(_ => throw new GeocoderUnavailableException("scripted", "down"));
        var cache = new CountingGeocodeCache();
        var geocoder = Create(provider, cache);

        var point = await geocoder.GeocodeAsync(GeocodingServices.Stop("Eching"), CancellationToken.None);
        await geocoder.GeocodeAsync(GeocodingServices.Stop("Eching"), CancellationToken.None);

        Assert.Equal(Fallback, point);
        Assert.Empty(cache.Puts);
        Assert.Equal(2, provider.Calls);
    }

    [Fact]
    public async Task GeocodeAsync_ProviderRejectsConfiguration_Propagates()
    {
        var geocoder = Create(new ScriptedProvider(_ => throw new GeocoderRejectedException("scripted", "REQUEST_DENIED", "no", "fix it")), new CountingGeocodeCache());

        var error = await Assert.ThrowsAsync<GeocoderRejectedException>(() => geocoder.GeocodeAsync(GeocodingServices.Stop("Eching"), CancellationToken.None).AsTask());

        Assert.Equal("fix it", error.Fix);
    }

    [Fact]
    public async Task GeocodeAsync_ManyStopsSamePlaceAtOnce_OneLookup()
    {
        var gate = new TaskCompletionSource();
        var provider = new ScriptedProvider(_ => Online, gate.Task);
        var geocoder = Create(provider, new CountingGeocodeCache());

        var lookups = Enumerable.Range(0, 10).Select(_ => geocoder.GeocodeAsync(GeocodingServices.Stop("Eching"), CancellationToken.None).AsTask()).ToList();
        gate.SetResult();
        var points = await Task.WhenAll(lookups);

        Assert.All(points, p => Assert.Equal(Online, p));
        Assert.Equal(1, provider.Calls);
    }

    [Fact]
    public async Task GeocodeAsync_StopWithoutPlace_GazetteerOnly()
    {
        var provider = new ScriptedProvider(_ => Online);

        await Create(provider, new CountingGeocodeCache()).GeocodeAsync(new Stop { Company = "ACME" }, CancellationToken.None);

        Assert.Equal(0, provider.Calls);
    }

    private static CachingGeocoder Create(IGeocodingProvider provider, IGeocodeCache cache) =>
        new(provider, cache, new FixedGeocoder(Fallback), new FakeTimeProvider());

    private sealed class ScriptedProvider(Func<GeocodingQuery, GeoPoint?> answer, Task? gate = null) : IGeocodingProvider
    {
        private int _calls;

        public int Calls => _calls;

        public string Name => "scripted";

        public async ValueTask<GeoPoint?> LookupAsync(GeocodingQuery query, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            if (gate is not null)
            {
                await gate;
            }

            return answer(query);
        }
    }

    private sealed class FixedGeocoder(GeoPoint point) : IGeocoder
    {
        public ValueTask<GeoPoint?> GeocodeAsync(Stop stop, CancellationToken cancellationToken) => ValueTask.FromResult<GeoPoint?>(point);
    }
}
