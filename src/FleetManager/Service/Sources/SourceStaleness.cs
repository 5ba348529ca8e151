namespace FleetManager.Service.Sources;

/// <summary>
/// When a source counts as stale: no success for longer than <c>Service:StaleAfterIntervals</c> of its nominal
/// interval. One rule for <c>/healthz</c> (from the service's own state) and <c>doctor</c> (from the store's cursor times).
/// </summary>
internal static class SourceStaleness
{
    /// <summary>How old the last success may be; null for a schedule with no next run (a cron that never fires again).</summary>
    public static TimeSpan? Threshold(TimeSpan nominalInterval, int staleAfterIntervals) =>
        nominalInterval == TimeSpan.MaxValue || nominalInterval.Ticks > TimeSpan.MaxValue.Ticks / Math.Max(1, staleAfterIntervals)
            ? null
            : nominalInterval * staleAfterIntervals;

    public static bool IsStale(DateTimeOffset lastSuccess, TimeSpan nominalInterval, int staleAfterIntervals, DateTimeOffset now) =>
        Threshold(nominalInterval, staleAfterIntervals) is { } threshold && now - lastSuccess > threshold;
}
