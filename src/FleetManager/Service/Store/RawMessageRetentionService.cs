using FleetManager.Core.Errors;
using FleetManager.Storage;
using FleetManager.Storage.Retention;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FleetManager.Service.Store;

/// <summary>
/// Applies <c>Storage:RawMessageRetention</c> in the service: purges raw messages older than the retention once at
/// start and then once a day (on the injected clock), keeping ledger rows and orders. Does nothing when the
/// retention is not set. A store that cannot be opened yet is tried again the next day; the poll loops report it.
/// </summary>
internal sealed class RawMessageRetentionService(
    IRawMessagePurger purger,
    OrderStoreOptions options,
    TimeProvider timeProvider,
    ILogger<RawMessageRetentionService> logger) : BackgroundService
{
    /// <summary>How often the purge runs.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.RawMessageRetention is null)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            await PurgeOnceAsync(stoppingToken).ConfigureAwait(false);
            try
            {
                await Task.Delay(Interval, timeProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One purge; returns how many raw messages went (0 when the store failed, which is logged).</summary>
    public async ValueTask<long> PurgeOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var cutoff = RawMessageRetention.Cutoff(options.RawMessageRetention, timeProvider.GetUtcNow());
            if (cutoff is not { } before)
            {
                return 0;
            }

            var purged = await purger.PurgeRawMessagesAsync(before, cancellationToken).ConfigureAwait(false);
            ServiceLog.RawMessagesPurged(logger, purged, before);
            return purged;
        }
        catch (Exception ex) when (ex is FleetManagerException or OrderBookUnavailableException or System.Data.Common.DbException)
        {
            ServiceLog.RawMessagePurgeFailed(logger, ex.Message);
            return 0;
        }
    }
}
