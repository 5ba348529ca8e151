using System.Threading.Channels;
using FleetManager.Core.Model;

namespace FleetManager.Core.Pipeline;

/// <summary>
/// Runs a mail source through the pipeline into the order book. Messages are parsed and read in
/// parallel but committed one by one in input order, each in its own transaction together with its
/// ledger row: a crash at any moment leaves a prefix of the input committed, and the next run skips
/// exactly that prefix (by ledger key) — nothing lost, nothing twice, the same order book.
/// </summary>
public sealed class ImportRunner(MessageProcessor processor, IOrderBook orderBook, TimeProvider timeProvider)
{
    /// <summary>How many messages may be in flight between reading and committing (bounds memory).</summary>
    public int MaxInFlight { get; init; } = Math.Max(4, Environment.ProcessorCount * 8);

    public async Task<ImportSummary> RunAsync(IMailSource source, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var channel = Channel.CreateBounded<Task<ImportItem>>(new BoundedChannelOptions(MaxInFlight)
        {
            SingleReader = true,
            SingleWriter = true,
        });

        var producer = Task.Run(() => ProduceAsync(source, channel.Writer, cancellationToken), cancellationToken);

        int read = 0, orderMessages = 0, orders = 0, invoices = 0, other = 0, quarantined = 0, skipped = 0, duplicates = 0;
        long bytes = 0;
        var reasons = new List<(string, string)>();
        await foreach (var pending in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var (processed, skip) = await pending.ConfigureAwait(false);
            read++;
            if (skip == SkipReason.AlreadyProcessed)
            {
                skipped++;
            }
            else if (skip == SkipReason.DuplicateInInput || !orderBook.Commit(processed!, timeProvider.GetUtcNow()))
            {
                duplicates++;
            }
            else if (processed!.IsQuarantined)
            {
                quarantined++;
                reasons.Add((processed.Raw.SourceKey, processed.Result.Error!));
            }
            else
            {
                switch (processed.Result.Classification)
                {
                    case Classification.Order:
                        orderMessages++;
                        orders += processed.Result.Orders.Count;
                        break;
                    case Classification.Invoice:
                        invoices++;
                        break;
                    default:
                        other++;
                        break;
                }
            }

            bytes += processed?.Raw.Bytes.Length ?? 0;
            progress?.Report(new ImportProgress(read, bytes));
        }

        await producer.ConfigureAwait(false);
        return new ImportSummary
        {
            MessagesRead = read,
            OrderMessages = orderMessages,
            Orders = orders,
            Invoices = invoices,
            Other = other,
            Quarantined = quarantined,
            SkippedAlreadyProcessed = skipped,
            DuplicatesInInput = duplicates,
            Elapsed = timeProvider.GetElapsedTime(started),
            QuarantineReasons = reasons,
        };
    }

    private enum SkipReason
    {
        None,
        AlreadyProcessed,
        DuplicateInInput,
    }

    private readonly record struct ImportItem(ProcessedMessage? Processed, SkipReason Skip);

    private async Task<ImportItem> ProcessAsync(RawMessage raw, CancellationToken cancellationToken) =>
        new(await processor.ProcessSafelyAsync(raw, cancellationToken).ConfigureAwait(false), SkipReason.None);

    private async Task ProduceAsync(IMailSource source, ChannelWriter<Task<ImportItem>> writer, CancellationToken cancellationToken)
    {
        // Keys met in this run: a second copy of a message in the same input is a duplicate, not
        // something an earlier run processed.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var raw in source.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // Skip what the ledger already holds before spending any work on it.
                var key = MessageProcessor.LedgerKeyOf(raw);
                var task = !seen.Add(key) ? Task.FromResult(new ImportItem(null, SkipReason.DuplicateInInput))
                    : orderBook.Contains(key) ? Task.FromResult(new ImportItem(null, SkipReason.AlreadyProcessed))
                    : ProcessAsync(raw, cancellationToken);
                await writer.WriteAsync(task, cancellationToken).ConfigureAwait(false);
            }

            writer.Complete();
        }
        catch (Exception ex)
        {
            writer.Complete(ex);
            throw;
        }
    }
}
