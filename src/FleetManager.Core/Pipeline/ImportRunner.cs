using System.Threading.Channels;
using FleetManager.Core.Errors;
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
    /// <summary>
    /// How many messages may be read (parsed, extracted, geocoded) at once, which also bounds the memory
    /// held between reading and committing. A model reader sets its <c>MaxConcurrentMessages</c> here, so
    /// its rate limit is not spent on messages waiting in line.
    /// </summary>
    public int MaxInFlight { get; init; } = DefaultMaxInFlight;

    /// <summary>
    /// The window of an offline reader (the rules engine with the gazetteer): 64 messages per core. While the commit loop
    /// catches the orders list up (<see cref="ListEvery"/>: one transaction of a few tens of milliseconds) the readers keep
    /// reading into this window instead of waiting for it; at about 1,500 messages a second per core a narrower one (8 per
    /// core until 2026-12-07) filled within a few milliseconds (docs/benchmarks.md, branch importlist). At most 256: a read
    /// message waiting for its commit keeps its text (at most <c>MaxTextLength</c> characters) and orders, so the window
    /// bounds that memory as <see cref="MaxInFlightBytes"/> bounds the raw bytes (the 10,000-message benchmark peaks at
    /// 154-176 MiB with it, 134 MiB with 8 a core, and reads 2,840-2,920 messages a second instead of 2,400-2,460).
    /// </summary>
    public static int DefaultMaxInFlight => Math.Min(256, Math.Max(4, Environment.ProcessorCount * 64));

    /// <summary>
    /// Orders committed between two catch-ups of the orders list during a run (0: only once, at its end). Each catch-up
    /// lists them in one transaction from the rows kept at their commit, while the readers keep working; left to the end,
    /// the whole run's list was written on one thread after the last commit, with every other core idle.
    /// </summary>
    public int ListEvery { get; init; } = 500;

    /// <summary>Default for <see cref="MaxInFlightBytes"/>: 64 MB.</summary>
    public const long DefaultMaxInFlightBytes = 64L * 1024 * 1024;

    /// <summary>
    /// How many bytes of raw messages may be between "started reading" and "committed" at once. With
    /// <see cref="MaxInFlight"/> alone, sixteen 25 MB messages (and what parsing makes of them) could be in
    /// memory together; this bounds memory by size as well as by count. A single larger message still goes,
    /// alone.
    /// </summary>
    public long MaxInFlightBytes { get; init; } = DefaultMaxInFlightBytes;

    /// <summary>At most this many messages share one transaction (bounds the work a crash throws away).</summary>
    public int MaxBatch { get; init; } = 64;

    /// <summary>
    /// Called after each batch is committed, with every message of the batch in input order and what
    /// became of it (a mailbox labels them and stores its cursor here: only ever after the commit).
    /// </summary>
    public Func<IReadOnlyList<CommittedMessage>, CancellationToken, ValueTask>? AfterCommit { get; init; }

    public async Task<ImportSummary> RunAsync(IMailSource source, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var channel = Channel.CreateBounded<Task<ImportItem>>(new BoundedChannelOptions(MaxInFlight)
        {
            SingleReader = true,
            SingleWriter = true,
        });

        // Cancelled when the reader becomes unavailable: stops reading and the messages in flight.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var bytesInFlight = new InFlightByteBudget(Math.Max(1, MaxInFlightBytes));
        var producer = Task.Run(() => ProduceAsync(source, channel.Writer, bytesInFlight, stop.Token), stop.Token);

        var ordersListed = 0;
        int read = 0, orderMessages = 0, orders = 0, invoices = 0, other = 0, quarantined = 0, skipped = 0, duplicates = 0;
        long bytes = 0;
        var usage = ModelUsage.None;
        FleetManagerException? stoppedBy = null;
        var reasons = new List<(string, string)>();
        var batch = new List<ImportItem>(MaxBatch);
        var toCommit = new List<ProcessedMessage>(MaxBatch);
        while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // Group commit: take the next message, then every following one that is already done
            // (in input order, up to MaxBatch), and commit them in one transaction.
            batch.Clear();
            while (batch.Count < MaxBatch && channel.Reader.TryPeek(out var next) && (batch.Count == 0 || next.IsCompleted))
            {
                channel.Reader.TryRead(out _);
                try
                {
                    batch.Add(await next.ConfigureAwait(false));
                }
                catch (Exception ex) when (MessageProcessor.IsRunFailure(ex))
                {
                    // A setting, a credential, a service or the store failed, not this message: commit
                    // what came before it, then stop; the rest stays out of the ledger so a later run reads it.
                    stoppedBy = ex as FleetManagerException ?? (FleetManagerException)((AggregateException)ex).InnerExceptions[0];
                    break;
                }
            }

            toCommit.Clear();
            toCommit.AddRange(batch.Where(i => i.Skip == SkipReason.None).Select(i => i.Processed!));
            // Not cancelled by the caller's token once the batch is read: a commit in flight is finished (or
            // rolled back by the store) rather than abandoned between "sent" and "known", and the loop ends at the
            // next wait. Either way the ledger holds a prefix of the input.
            var stored = toCommit.Count == 0 ? [] : await orderBook.CommitBatchAsync(toCommit, timeProvider.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);

            // Committed (or skipped): their bytes may leave memory, so the next messages may start.
            var charged = batch.Sum(i => i.Charge);
            if (charged > 0)
            {
                bytesInFlight.Release(charged);
            }

            var storedIndex = 0;
            var committed = AfterCommit is null ? null : new List<CommittedMessage>(batch.Count);
            foreach (var (raw, processed, skip, _) in batch)
            {
                read++;
                bytes += raw.Bytes.Length;
                if (skip == SkipReason.AlreadyProcessed)
                {
                    skipped++;
                    // A mailbox labels what it re-reads by what the ledger says, not as processed by default.
                    var quarantinedBefore = committed is not null && await orderBook.IsQuarantinedAsync(MessageProcessor.LedgerKeyOf(raw), cancellationToken).ConfigureAwait(false);
                    committed?.Add(new CommittedMessage(raw, quarantinedBefore ? MailboxOutcome.AlreadyQuarantined : MailboxOutcome.AlreadyCommitted));
                }
                else if (skip == SkipReason.DuplicateInInput || !stored[storedIndex++])
                {
                    duplicates++;
                    committed?.Add(new CommittedMessage(raw, MailboxOutcome.AlreadyCommitted));
                }
                else if (processed!.IsQuarantined)
                {
                    quarantined++;
                    usage += processed.Result.Usage ?? ModelUsage.None;
                    committed?.Add(new CommittedMessage(raw, MailboxOutcome.Quarantined));
                    reasons.Add((processed.Raw.SourceKey, processed.Result.Error!));
                }
                else
                {
                    usage += processed.Result.Usage ?? ModelUsage.None;
                    committed?.Add(new CommittedMessage(raw, MailboxOutcome.Processed));
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
            }

            if (committed is not null)
            {
                await AfterCommit!(committed, cancellationToken).ConfigureAwait(false);
            }

            progress?.Report(new ImportProgress(read, bytes));
            if (stoppedBy is null && ListEvery > 0 && orders - ordersListed >= ListEvery)
            {
                // Between two commits, as at the end: the list's rows of committed orders only (nothing is lost if the
                // run stops here; the next catch-up lists what is left).
                ordersListed = orders;
                await orderBook.CatchUpOrderListAsync(null, cancellationToken).ConfigureAwait(false);
            }

            if (stoppedBy is not null)
            {
                break;
            }
        }

        if (stoppedBy is not null)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await DrainAfterStopAsync(producer, channel.Reader).ConfigureAwait(false);
        }
        else
        {
            await producer.ConfigureAwait(false);
        }

        if (stoppedBy is null && orders > 0)
        {
            // The rest of the run's orders (every ListEvery orders the loop above caught up already): deriving the list at every
            // commit cost the import a fifth more CPU (each small transaction rewrites the list's index pages; measured
            // again with the rows written inside each commit's own transaction: +1.1 s of CPU for 10,000 messages), and
            // leaving it to the first list query made that query wait minutes after a bulk import.
            var listing = progress is null ? null : new ListingProgress(progress, read, bytes);
            await orderBook.CatchUpOrderListAsync(listing, cancellationToken).ConfigureAwait(false);
        }

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
            Usage = usage,
            StoppedBy = stoppedBy,
        };
    }

    /// <summary>After a stop: waits for the producer and the messages in flight to end (cancelled), observing their failures.</summary>
    private static async Task DrainAfterStopAsync(Task producer, ChannelReader<Task<ImportItem>> reader)
    {
        try
        {
            await producer.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            // Expected: the stop cancelled reading.
        }

        while (reader.TryRead(out var pending))
        {
            try
            {
                await pending.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException || MessageProcessor.IsRunFailure(ex))
            {
                // Not committed: a later run reads this message again.
            }
        }
    }

    /// <summary>Reports the orders list's catch-up as import progress (every message already handled).</summary>
    private sealed class ListingProgress(IProgress<ImportProgress> progress, int messages, long bytes) : IProgress<int>
    {
        public void Report(int value) => progress.Report(new ImportProgress(messages, bytes, value));
    }

    private enum SkipReason
    {
        None,
        AlreadyProcessed,
        DuplicateInInput,
    }

    /// <param name="Charge">The bytes this message holds of the in-flight budget, given back after its commit.</param>
    private readonly record struct ImportItem(RawMessage Raw, ProcessedMessage? Processed, SkipReason Skip, long Charge = 0);

    private async Task<ImportItem> ReadOneAsync(RawMessage raw, SemaphoreSlim reading, long charge, CancellationToken cancellationToken)
    {
        try
        {
            return new(raw, await processor.ProcessSafelyAsync(raw, cancellationToken).ConfigureAwait(false), SkipReason.None, charge);
        }
        finally
        {
            reading.Release();
        }
    }

    private async Task ProduceAsync(IMailSource source, ChannelWriter<Task<ImportItem>> writer, InFlightByteBudget bytesInFlight, CancellationToken cancellationToken)
    {
        // Keys met in this run: a second copy of a message in the same input is a duplicate, not
        // something an earlier run processed.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // The channel bounds what waits for the commit; this bounds what is being read at once (the
        // channel alone lets one more start while the producer waits and the committer awaits one).
        // Not disposed: reads cancelled by a stop may release it after the run has returned.
        var reading = new SemaphoreSlim(MaxInFlight, MaxInFlight);
        try
        {
            await foreach (var raw in source.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // Skip what the ledger already holds before spending any work on it.
                var key = MessageProcessor.LedgerKeyOf(raw);
                Task<ImportItem> task;
                if (!seen.Add(key))
                {
                    task = Task.FromResult(new ImportItem(raw, null, SkipReason.DuplicateInInput));
                }
                else if (await orderBook.ContainsAsync(key, cancellationToken).ConfigureAwait(false))
                {
                    task = Task.FromResult(new ImportItem(raw, null, SkipReason.AlreadyProcessed));
                }
                else
                {
                    var charge = bytesInFlight.Charge(raw.Bytes.Length);
                    await bytesInFlight.WaitAsync(charge, cancellationToken).ConfigureAwait(false);
                    await reading.WaitAsync(cancellationToken).ConfigureAwait(false);
                    task = ReadOneAsync(raw, reading, charge, cancellationToken);
                }

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
