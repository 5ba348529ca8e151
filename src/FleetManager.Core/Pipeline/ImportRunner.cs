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
        var channel = Channel.CreateBounded<Task<ProcessedMessage?>>(new BoundedChannelOptions(MaxInFlight)
        {
            SingleReader = true,
            SingleWriter = true,
        });

        var producer = Task.Run(() => ProduceAsync(source, channel.Writer, cancellationToken), cancellationToken);

        int read = 0, orderMessages = 0, orders = 0, invoices = 0, other = 0, quarantined = 0, skipped = 0;
        long bytes = 0;
        var reasons = new List<(string, string)>();
        await foreach (var pending in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var processed = await pending.ConfigureAwait(false);
            read++;
            if (processed is null)
            {
                skipped++;
            }
            else if (!orderBook.Commit(processed, timeProvider.GetUtcNow()))
            {
                skipped++; // the same message appeared twice in this input
            }
            else if (processed.IsQuarantined)
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
            Elapsed = timeProvider.GetElapsedTime(started),
            QuarantineReasons = reasons,
        };
    }

    private async Task<ProcessedMessage?> ProcessAsync(RawMessage raw, CancellationToken cancellationToken) =>
        await processor.ProcessSafelyAsync(raw, cancellationToken).ConfigureAwait(false);

    private async Task ProduceAsync(IMailSource source, ChannelWriter<Task<ProcessedMessage?>> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var raw in source.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // Skip what the ledger already holds before spending any work on it.
                var task = orderBook.Contains(MessageProcessor.LedgerKeyOf(raw))
                    ? Task.FromResult<ProcessedMessage?>(null)
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
