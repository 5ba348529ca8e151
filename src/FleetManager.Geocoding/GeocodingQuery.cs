using System.Text;
using FleetManager.Core.Model;

namespace FleetManager.Geocoding;

/// <summary>
/// What is asked of an online geocoder for a stop: its address text (street, postal code, city) and its
/// country as a restriction. <see cref="CacheKey"/> is the normal form (case and spacing folded) under
/// which answers are cached, so "Eching  " and "eching" are looked up once.
/// </summary>
public sealed record GeocodingQuery(string Text, string? CountryCode)
{
    /// <summary>The cache key: folded text, then <c>|</c> and the lower-case country code.</summary>
    public string CacheKey { get; } = Normalise(Text) + "|" + (CountryCode?.ToLowerInvariant() ?? string.Empty);

    /// <summary>The query for <paramref name="stop"/>; null when it names no place at all.</summary>
    public static GeocodingQuery? From(Stop stop)
    {
        ArgumentNullException.ThrowIfNull(stop);
        var address = stop.Address?.Trim() ?? string.Empty;
        var city = stop.City?.Trim() ?? string.Empty;
        var place = string.Join(' ', new[] { stop.PostalCode?.Trim(), city }.Where(p => !string.IsNullOrEmpty(p)));

        // Extracted addresses often already end with "85386 Eching, Germany": do not say it twice.
        var text = address.Length == 0 ? place
            : place.Length == 0 || (city.Length > 0 && address.Contains(city, StringComparison.OrdinalIgnoreCase)) ? address
            : address + ", " + place;
        if (text.Length == 0)
        {
            return null;
        }

        var country = string.IsNullOrWhiteSpace(stop.Country) || stop.Country.Trim().Length != 2 ? null : stop.Country.Trim().ToUpperInvariant();
        return new GeocodingQuery(text, country);
    }

    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
