using FleetManager.Core.Model;
using FleetManager.Dashboard.Hosting;
using FleetManager.Storage;
using FleetManager.Storage.Corrections;
using FleetManager.Storage.Reprocessing;

namespace FleetManager.Dashboard.Review;

/// <summary>
/// The dashboard's "reprocess" (a quarantined message read again by today's pipeline) and "reclassify" (a message
/// read again as the class a person chose), through <see cref="MessageReprocessor"/> as <c>fleetmanager reprocess</c>
/// does: the message's outcome and orders are replaced in one transaction, and sinks get upserts and deletions
/// through the outbox. Each action opens a store of its own, so a slow read never holds the pages' store.
/// </summary>
public sealed class MessageActions(DashboardStoreLocation location, DashboardStore pagesStore, IMessageReadingPipeline? pipeline, TimeProvider clock)
{
    /// <summary>
    /// The field name of a reclassification in the audit rows: rows about the whole message
    /// (<see cref="IOrderCorrections.AddToMessage"/>), kept by its ledger key.
    /// </summary>
    public const string ClassificationField = "message.classification";

    /// <summary>False when the host has no reading pipeline: the actions are not offered.</summary>
    public bool Available => pipeline is not null;

    /// <summary>The reader the actions read with.</summary>
    public string ReaderName => pipeline?.ReaderName ?? "";

    /// <summary>Reads one message again (null: no such message).</summary>
    public Task<ReprocessedMessage?> ReprocessAsync(string ledgerKey, CancellationToken cancellationToken) =>
        RunAsync(ledgerKey, null, cancellationToken);

    /// <summary>
    /// Reads one message again as <paramref name="classification"/> and records who did it (null: no such message).
    /// Other (or invoice) removes its orders; order extracts them as the reader would from an order.
    /// </summary>
    public async Task<ReprocessedMessage?> ReclassifyAsync(string ledgerKey, Classification classification, string user, CancellationToken cancellationToken)
    {
        var done = await RunAsync(ledgerKey, classification, cancellationToken).ConfigureAwait(false);
        if (done is not null && done.Outcome is ReprocessOutcome.Changed or ReprocessOutcome.Unchanged or ReprocessOutcome.NewlyProcessed)
        {
            var before = done.Entry.Classification is { } was ? Name(was) : "quarantined";
            await pagesStore.UseAsync(
                (_, corrections, token) => corrections.AddToMessageAsync(ledgerKey, ClassificationField, before, Name(classification), user, clock.GetUtcNow(), token),
                cancellationToken).ConfigureAwait(false);
        }

        return done;
    }

    /// <summary>Who reclassified the message with ledger key <paramref name="ledgerKey"/>, oldest first.</summary>
    public ValueTask<IReadOnlyList<OrderCorrection>> AuditOfAsync(string ledgerKey, CancellationToken cancellationToken) => pagesStore.UseAsync<IReadOnlyList<OrderCorrection>>(
        async (_, corrections, token) => [.. (await corrections.ForMessageAsync(ledgerKey, token).ConfigureAwait(false)).Where(c => c.Field == ClassificationField)],
        cancellationToken);

    /// <summary>The spec's name of a classification (order, invoice, other).</summary>
    public static string Name(Classification classification) => classification.ToString().ToLowerInvariant();

    private async Task<ReprocessedMessage?> RunAsync(string ledgerKey, Classification? classification, CancellationToken cancellationToken)
    {
        if (pipeline is null)
        {
            throw new InvalidOperationException("Reading again needs the host's reading pipeline; the page offers no action without it.");
        }

        using var store = OrderStoreFactory.Open(location.Options);
        var reprocessor = new MessageReprocessor(store, pipeline.Processor, clock);
        return await reprocessor.ReprocessOneAsync(ledgerKey, classification, cancellationToken).ConfigureAwait(false);
    }
}
