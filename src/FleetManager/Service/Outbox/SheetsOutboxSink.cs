using FleetManager.Core.Pipeline;
using FleetManager.Google.Sheets;

namespace FleetManager.Service.Outbox;

/// <summary>The Google Sheets sink: what <c>fleetmanager sync</c> does, after each poll (docs/sheets.md).</summary>
internal sealed class SheetsOutboxSink(SheetsOutboxPusher pusher) : IOutboxSink
{
    public string Name => SheetsOutboxPusher.SinkName;

    public async Task<int> PushAsync(CancellationToken cancellationToken) =>
        (await pusher.PushAsync(cancellationToken).ConfigureAwait(false)).Appended;
}
