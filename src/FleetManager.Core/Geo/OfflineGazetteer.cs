using System.Diagnostics.CodeAnalysis;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;

namespace FleetManager.Core.Geo;

/// <summary>
/// City lookup and geocoding from the embedded GeoNames extract (see docs/gazetteer.md): every
/// place of ≥ 500 people in Europe, ≥ 15 000 elsewhere, with exonyms and local names. Names match
/// after <see cref="Text.TextFold"/> folding, Cyrillic also through transliteration, and with the
/// usual address noise tolerated ("Frankfurt a. M.", "St."/"Saint"/"Sankt", "Praha 10").
/// </summary>
/// <remarks>
/// The file is read on first use, not at construction, so a CLI that never geocodes never pays
/// for it; loading is thread-safe and happens once (again after <see cref="Release"/>). All members are safe
/// to call concurrently.
/// </remarks>
public sealed class OfflineGazetteer : IGeocoder
{
    /// <summary>Manifest name of the embedded gazetteer file.</summary>
    internal const string ResourceName = "FleetManager.Core.Geo.gazetteer.tsv.br";

    // A namesake in another country must be this many times smaller for a name to count as
    // belonging to one country (CountryOf).
    private const double DominanceFactor = 10;

    // GeoNames alternate names and qualifier-less cores only win over an own name when the
    // place is more than this many times bigger: "Marburg" stays the German town even though
    // it is also the old name of larger Maribor.
    private const double LooseRankPenalty = 10;

    // A place spelled exactly as written, diacritics included, counts this many times its
    // population: "Úžice" is the Czech village, not Serbian Užice, while a hamlet that happens to
    // be spelled "München" would still not outweigh Munich.
    private const double ExactSpellingBonus = 100;

    // FleetManager serves European road freight: a European place counts this many times its
    // population against a namesake on another continent ("Valencia" is Spain's, not Venezuela's,
    // "Birmingham" England's, not Alabama's).
    private const double EuropeanBias = 5;

    // The countries tools/gazetteer/build-gazetteer.js treats as Europe.
    private static readonly HashSet<string> EuropeanCountries = new(StringComparer.Ordinal)
    {
        "AD", "AL", "AT", "AX", "BA", "BE", "BG", "BY", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FO", "FR",
        "GB", "GG", "GI", "GR", "HR", "HU", "IE", "IM", "IS", "IT", "JE", "LI", "LT", "LU", "LV", "MC", "MD", "ME",
        "MK", "MT", "NL", "NO", "PL", "PT", "RO", "RS", "RU", "SE", "SI", "SK", "SM", "TR", "UA", "VA", "XK",
    };

    private readonly Func<Stream> _open;
    private readonly Lock _loadGate = new();
    private volatile GazetteerIndex? _loaded;

    private OfflineGazetteer(Func<Stream> open) => _open = open;

    /// <summary>The gazetteer read from the embedded file, loaded on first lookup.</summary>
    public static OfflineGazetteer Shared { get; } = new(OpenEmbedded);

    /// <summary>
    /// Loads the gazetteer on a thread-pool thread now, so that a caller who knows it will geocode
    /// (a batch run) overlaps the load with other start-up work; later lookups wait for it if needed.
    /// Calling it again, or after a lookup, costs nothing.
    /// </summary>
    public Task WarmUpAsync(CancellationToken cancellationToken = default) =>
        _loaded is not null ? Task.CompletedTask : Task.Run(() => _ = Index, cancellationToken);

    /// <summary>Whether the places are in memory now.</summary>
    public bool IsLoaded => _loaded is not null;

    /// <summary>
    /// Lets the loaded places go (~10 MiB of arrays, more while the working set still holds them), so an idle
    /// service does not keep them; the next lookup reads them again (a few hundred milliseconds of CPU).
    /// Lookups running meanwhile keep the copy they started with.
    /// </summary>
    /// <returns>True when something was loaded.</returns>
    public bool Release()
    {
        lock (_loadGate)
        {
            var wasLoaded = _loaded is not null;
            _loaded = null;
            return wasLoaded;
        }
    }

    // Every lookup reads this once and keeps the reference, so a Release in the middle of one is harmless.
    private GazetteerIndex Index
    {
        get
        {
            if (_loaded is { } index)
            {
                return index;
            }

            lock (_loadGate)
            {
                if (_loaded is null)
                {
                    using var stream = _open();
                    _loaded = GazetteerIndex.Load(stream);
                }

                return _loaded;
            }
        }
    }

    /// <summary>Number of places; reading it loads the gazetteer.</summary>
    public int Count => Index.Count;

    /// <summary>Number of distinct lookup keys; reading it loads the gazetteer.</summary>
    internal int KeyCount => Index.KeyCount;

    /// <summary>
    /// Finds the place <paramref name="city"/> names. A place in <paramref name="countryCode"/> is
    /// preferred when there is one; otherwise (or without a country) the most populous namesake wins.
    /// </summary>
    /// <param name="city">A city as written: "München", "Munich", "София", "Frankfurt a. M.", "Praha 10".</param>
    /// <param name="countryCode">ISO 3166-1 alpha-2 code to prefer, or null.</param>
    /// <param name="entry">The place found.</param>
    /// <returns>False when no place has that name.</returns>
    public bool TryFind(string city, string? countryCode, [MaybeNullWhen(false)] out GazetteerEntry entry)
    {
        var match = Resolve(city, countryCode);
        entry = match?.Entry;
        return match is not null;
    }

    /// <summary>
    /// Every place that the best-matching form of <paramref name="city"/> names, most likely first
    /// (own names before alternate names, then by population). Empty when none.
    /// </summary>
    public IReadOnlyList<GazetteerEntry> FindAll(string city)
    {
        if (string.IsNullOrWhiteSpace(city))
        {
            return [];
        }

        var index = Index;
        foreach (var (key, _) in PlaceNameVariants.Of(city))
        {
            var hits = index.Hits(key)
                .OrderByDescending(hit => Score(hit.Entry, hit.Rank, city))
                .Select(hit => hit.Entry)
                .Distinct()
                .ToList();
            if (hits.Count > 0)
            {
                return hits;
            }
        }

        return [];
    }

    /// <summary>
    /// The country of <paramref name="city"/> when the name tells it: all its places are in one
    /// country, or one place outweighs (10×) every namesake abroad. Null when unknown or ambiguous
    /// ("Brest" is in France and, bigger, in Belarus).
    /// </summary>
    public string? CountryOf(string city)
    {
        if (string.IsNullOrWhiteSpace(city))
        {
            return null;
        }

        var index = Index;
        foreach (var (key, _) in PlaceNameVariants.Of(city))
        {
            var bestByCountry = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (entry, rank) in index.Hits(key))
            {
                var score = Score(entry, rank, city);
                if (!bestByCountry.TryGetValue(entry.CountryCode, out var best) || score > best)
                {
                    bestByCountry[entry.CountryCode] = score;
                }
            }

            if (bestByCountry.Count == 0)
            {
                continue;
            }

            var ranked = bestByCountry.OrderByDescending(pair => pair.Value).ToList();
            return ranked.Count == 1 || ranked[0].Value >= DominanceFactor * ranked[1].Value ? ranked[0].Key : null;
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="city"/>, as written (folded, Cyrillic transliterated), is the name of
    /// a place; none of the loosening of <see cref="TryFind"/> ("Praha 10" is not a city name).
    /// </summary>
    public bool IsKnownCity(string city)
    {
        if (string.IsNullOrWhiteSpace(city))
        {
            return false;
        }

        var index = Index;
        return PlaceNameVariants.ExactKeys(city).Any(index.Contains);
    }

    /// <summary>
    /// Coordinates of the stop's city. When the stop has a country, only a place in that country is
    /// accepted: a coordinate in the wrong country is worse than none. Null when unresolved.
    /// </summary>
    public ValueTask<GeoPoint?> GeocodeAsync(Stop stop, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrWhiteSpace(stop.City))
        {
            return ValueTask.FromResult<GeoPoint?>(null);
        }

        var country = string.IsNullOrWhiteSpace(stop.Country) ? null : stop.Country.Trim().ToUpperInvariant();
        var match = Resolve(stop.City, country);
        if (match is not { } found || (country is not null && found.Entry.CountryCode != country))
        {
            return ValueTask.FromResult<GeoPoint?>(null);
        }

        return ValueTask.FromResult<GeoPoint?>(new GeoPoint(found.Entry.Latitude, found.Entry.Longitude, found.Confidence));
    }

    /// <summary>A gazetteer over another file in the same format (tests, a fuller extract).</summary>
    internal static OfflineGazetteer FromStream(Func<Stream> open) => new(open);

    internal PlaceMatch? Resolve(string city, string? countryCode)
    {
        if (string.IsNullOrWhiteSpace(city))
        {
            return null;
        }

        var index = Index;
        var variants = PlaceNameVariants.Of(city);
        var country = string.IsNullOrWhiteSpace(countryCode) ? null : countryCode.Trim().ToUpperInvariant();
        if (country is not null)
        {
            foreach (var (key, exact) in variants)
            {
                if (Best(index, key, country, city) is { } inCountry)
                {
                    return new PlaceMatch(inCountry.Entry, Confidence(exact, inCountry.Rank));
                }
            }
        }

        foreach (var (key, exact) in variants)
        {
            if (Best(index, key, null, city) is { } anywhere)
            {
                return new PlaceMatch(anywhere.Entry, Confidence(exact, anywhere.Rank));
            }
        }

        return null;
    }

    private static (GazetteerEntry Entry, NameRank Rank)? Best(GazetteerIndex index, string key, string? country, string written)
    {
        (GazetteerEntry Entry, NameRank Rank)? best = null;
        var bestScore = double.MinValue;
        foreach (var hit in index.Hits(key))
        {
            if (country is not null && hit.Entry.CountryCode != country)
            {
                continue;
            }

            var score = Score(hit.Entry, hit.Rank, written);
            if (score > bestScore)
            {
                best = hit;
                bestScore = score;
            }
        }

        return best;
    }

    private static double Score(GazetteerEntry entry, NameRank rank, string written)
    {
        var score = Math.Max(entry.Population, 1) / (rank == NameRank.Own ? 1 : LooseRankPenalty);
        if (EuropeanCountries.Contains(entry.CountryCode))
        {
            score *= EuropeanBias;
        }

        return IsExactSpelling(entry.Name, written) ? score * ExactSpellingBonus : score;
    }

    // Only written names with letters beyond ASCII say anything by their spelling: "Roma" is
    // Rome however a Romanian village spells itself.
    private static bool IsExactSpelling(string name, string written)
    {
        var trimmed = written.AsSpan().Trim();
        return !System.Text.Ascii.IsValid(trimmed) && trimmed.Equals(name, StringComparison.OrdinalIgnoreCase);
    }

    private static double Confidence(bool exact, NameRank rank) => !exact ? 0.7 : rank == NameRank.Own ? 1.0 : 0.9;

    private static Stream OpenEmbedded() =>
        typeof(OfflineGazetteer).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"The embedded gazetteer {ResourceName} is missing from {typeof(OfflineGazetteer).Assembly.GetName().Name}.");
}
