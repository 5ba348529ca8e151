using System.ComponentModel.DataAnnotations;
using FleetManager.Core.Options;

namespace FleetManager.Geocoding.Nominatim;

/// <summary>
/// The <c>Geocoding:Nominatim</c> section (used when <c>Geocoding:Provider</c> is <c>nominatim</c>). The public
/// server's usage policy applies: at most one request per second, an identifying User-Agent, results cached,
/// "© OpenStreetMap contributors" shown (docs/geocoding.md).
/// </summary>
public sealed class NominatimOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Geocoding:Nominatim";

    /// <summary>Nominatim root (default <c>https://nominatim.openstreetmap.org/</c>); point it at your own server for bulk work.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://nominatim.openstreetmap.org/");

    /// <summary>
    /// The User-Agent identifying this installation, e.g. <c>FleetManager/1.0 (dispatch@example.com)</c>.
    /// Required by the usage policy: stock library agents are blocked.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Geocoding:Nominatim:UserAgent is required by Nominatim's usage policy: name your installation and a contact, e.g. 'FleetManager/1.0 (dispatch@example.com)'.")]
    public string UserAgent { get; set; } = string.Empty;

    /// <summary>A contact address sent as <c>email=</c> (recommended by the policy for heavier use).</summary>
    public string? Email { get; set; }

    /// <summary>Least time between two requests (default 1 s, the public server's absolute maximum rate).</summary>
    [TimeSpanRange("00:00:00", "00:10:00")]
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait for one HTTP attempt (default 10 s).</summary>
    [TimeSpanRange("00:00:00.001", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of a failed HTTP exchange (default 2); each waits for its rate-limit slot too.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>First back-off delay (default 2 s).</summary>
    [TimeSpanRange("00:00:00", "00:05:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
}
