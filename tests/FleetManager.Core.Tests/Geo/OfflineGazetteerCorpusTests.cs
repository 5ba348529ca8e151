using System.Text.Json;
using FleetManager.Core.Geo;
using FleetManager.Core.Model;

namespace FleetManager.Core.Tests.Geo;

/// <summary>Every city of the labelled corpus must resolve, in the country the label gives.</summary>
public sealed class OfflineGazetteerCorpusTests
{
    [Fact]
    public async Task TryFind_EveryCityOfTheDevCorpus_ResolvesInTheExpectedCountry()
    {
        var stops = CorpusStops();
        Assert.True(stops.Count >= 50, $"expected the dev corpus at {RepositoryPaths.DevCorpus}, found {stops.Count} stops");

        var failures = new List<string>();
        foreach (var (file, city, country) in stops)
        {
            if (!OfflineGazetteer.Shared.TryFind(city, country, out var entry) || entry.CountryCode != country)
            {
                failures.Add($"{file}: {city} ({country})");
                continue;
            }

            var point = await OfflineGazetteer.Shared.GeocodeAsync(new Stop { City = city, Country = country }, CancellationToken.None);
            if (point is null)
            {
                failures.Add($"{file}: {city} ({country}) found but not geocoded");
            }
        }

        Assert.True(failures.Count == 0, "Unresolved: " + string.Join("; ", failures));
    }

    [Fact]
    public void CountryOf_CorpusCitiesThatNameOneCountry_AgreeWithTheLabel()
    {
        // CountryOf may say "don't know" (null) for an ambiguous name, but must never name a
        // country that the label contradicts when the city is a sizeable place.
        var wrong = new List<string>();
        foreach (var (file, city, country) in CorpusStops())
        {
            var guessed = OfflineGazetteer.Shared.CountryOf(city);
            if (guessed is not null && guessed != country)
            {
                wrong.Add($"{file}: {city} → {guessed}, label {country}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
    }

    private static List<(string File, string City, string Country)> CorpusStops()
    {
        var stops = new List<(string File, string City, string Country)>();
        if (!Directory.Exists(RepositoryPaths.DevCorpus))
        {
            return stops;
        }

        foreach (var path in Directory.EnumerateFiles(RepositoryPaths.DevCorpus, "*.expected.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (!document.RootElement.TryGetProperty("orders", out var orders) || orders.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var order in orders.EnumerateArray())
            {
                if (!order.TryGetProperty("stops", out var orderStops) || orderStops.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var stop in orderStops.EnumerateArray())
                {
                    if (stop.TryGetProperty("city", out var city) && city.ValueKind == JsonValueKind.String
                        && stop.TryGetProperty("country", out var country) && country.ValueKind == JsonValueKind.String)
                    {
                        stops.Add((Path.GetFileName(path), city.GetString()!, country.GetString()!));
                    }
                }
            }
        }

        return stops;
    }
}
