using System.ComponentModel.DataAnnotations;
using FleetManager.Core.Options;

namespace FleetManager.Geocoding.Google;

/// <summary>The <c>Geocoding:Google</c> section (used when <c>Geocoding:Provider</c> is <c>google</c>).</summary>
public sealed class GoogleGeocodingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Geocoding:Google";

    /// <summary>Maps API root (default <c>https://maps.googleapis.com/</c>); tests point it at a stand-in.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://maps.googleapis.com/");

    /// <summary>The API key (<c>GOOGLE_MAPS_API_KEY</c>) of a Cloud project with the Geocoding API enabled. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Language of formatted results (optional, e.g. <c>de</c>).</summary>
    public string? Language { get; set; }

    /// <summary>Longest wait for one HTTP attempt (default 10 s).</summary>
    [TimeSpanRange("00:00:00.001", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of a failed HTTP exchange or an <c>UNKNOWN_ERROR</c> answer (default 2).</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>First back-off delay (default 1 s), doubled per retry.</summary>
    [TimeSpanRange("00:00:00", "00:05:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>After <c>OVER_QUERY_LIMIT</c>, how long Google is not asked (the gazetteer answers) (default 1 min).</summary>
    [TimeSpanRange("00:00:00", "1.00:00:00")]
    public TimeSpan QuotaCooldown { get; set; } = TimeSpan.FromMinutes(1);
}
