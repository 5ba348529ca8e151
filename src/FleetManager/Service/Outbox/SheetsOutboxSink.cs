using FleetManager.Core.Pipeline;
using FleetManager.Google.Sheets;
using Microsoft.Extensions.Options;

namespace FleetManager.Service.Outbox;

/// <summary>The Google Sheets sink: what <c>fleetmanager sync</c> does, after each poll (docs/sheets.md).</summary>
internal sealed class SheetsOutboxSink(SheetsOutboxPusher pusher, IOptions<SheetsOptions> options) : IOutboxSink
{
    public string Name => SheetsOutboxPusher.SinkName;

    public int BatchSize => options.Value.BatchSize;

    public async Task<int> PushAsync(CancellationToken cancellationToken) =>
        (await pusher.PushAsync(cancellationToken).ConfigureAwait(false)).Appended;
}
