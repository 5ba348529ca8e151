using System.ComponentModel.DataAnnotations;
using FleetManager.Core.Options;

namespace FleetManager.Service;

/// <summary>The <c>Service</c> section: how <c>fleetmanager run</c> listens, polls and stops.</summary>
public sealed class ServiceOptions : IValidatableObject
{
    public const string SectionName = "Service";

    /// <summary>
    /// Where the health and metrics endpoints listen (semicolon-separated). Default <c>http://127.0.0.1:8080</c>:
    /// loopback only, since the endpoints have no authentication. A container sets <c>http://0.0.0.0:8080</c>
    /// explicitly (<c>FLEETMANAGER__SERVICE__URLS</c>) so its health check and scraper can reach it.
    /// </summary>
    [Required]
    public string Urls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>
    /// Show details in <c>/healthz</c> and <c>/metrics</c>: the store's path, full error texts (secrets still
    /// masked) and source names that are mail addresses. Default false: the endpoints say what is wrong
    /// (store damaged, credentials refused) without paths, user names or addresses; the service log has the rest.
    /// </summary>
    public bool HealthDetail { get; set; }

    /// <summary>How long a stop (SIGTERM) may take: the batch in flight is finished, the outbox pushed if quick, leases released. Default 30 s.</summary>
    [TimeSpanRange("00:00:01", "01:00:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>/healthz</c> says Degraded when a source's last success is older than this many of its intervals. Default 3.</summary>
    [Range(1, 1000)]
    public int StaleAfterIntervals { get; set; } = 3;

    /// <summary>How long a source's lease lasts without renewal; the holder renews it every third of this. Default 1 min.</summary>
    [TimeSpanRange("00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary><c>/healthz/live</c> fails when a poll loop has shown no sign of life for this long (a hung poll). Default 5 min.</summary>
    [TimeSpanRange("00:00:01", "1.00:00:00")]
    public TimeSpan LivenessTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// After a poll that read mail, once the service has been idle this long, the offline gazetteer is dropped, the
    /// heap compacted and returned to the system (it is read again on the next poll with mail, a few hundred
    /// milliseconds of CPU), and the pages of the executable and libraries that start-up read (code and read-only data)
    /// paged out (faulted back in when used; once more ten times this long later).
    /// <c>00:00:00</c> keeps everything resident. Default 30 s.
    /// </summary>
    [TimeSpanRange("00:00:00", "1.00:00:00")]
    public TimeSpan IdleMemoryRelease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The renewal and heartbeat period: a third of the lease.</summary>
    internal TimeSpan HeartbeatInterval => LeaseDuration / 3;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LivenessTimeout <= HeartbeatInterval)
        {
            yield return new ValidationResult("Service:LivenessTimeout must be longer than a third of Service:LeaseDuration (the heartbeat period).", [nameof(LivenessTimeout)]);
        }

        foreach (var url in Hosting.ListenUrls.Split(Urls))
        {
            if (Hosting.ListenUrls.Problem(url) is { } problem)
            {
                yield return new ValidationResult($"Service:Urls: {problem}.", [nameof(Urls)]);
            }
        }
    }
}
