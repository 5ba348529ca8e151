using System.CommandLine;
using System.Globalization;
using FleetManager.Hosting;
using FleetManager.Storage;
using FleetManager.Storage.Reprocessing;

namespace FleetManager.Commands;

/// <summary>
/// <c>fleetmanager reprocess</c>: reads stored raw messages again through today's pipeline and replaces each
/// one's outcome and orders in one transaction (quarantined ones by default; <c>--all</c> after an engine upgrade).
/// </summary>
internal static class ReprocessCommand
{
    public static Command Create(Func<VerbEnvironment> environment)
    {
        var quarantined = new Option<bool>("--quarantined") { Description = "Read the quarantined messages again (the default without --all or --message-id)." };
        var all = new Option<bool>("--all") { Description = "Read processed messages too (after an upgrade of the reader) and report what changed; a processed message that now fails keeps its orders." };
        var since = new Option<string?>("--since") { Description = "Only messages processed (or last reprocessed) on or after this ISO date or time (2026-12-01, 2026-12-01T08:00:00Z)." };
        var messageId = new Option<string?>("--message-id") { Description = "Only the message with this Message-ID (as 'orders show' prints it), whatever its status." };
        var db = CommonOptions.Database();
        var reader = CommonOptions.Reader();
        var verbose = new Option<bool>("--verbose", "-v") { Description = "One line per message: its Message-ID, what changed and its order count." };
        var command = new Command("reprocess", "Read stored messages again through today's pipeline and replace their outcome and orders (quarantined ones by default).")
        {
            quarantined, all, since, messageId, db, reader, verbose,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(all) && result.GetValue(quarantined))
            {
                result.AddError("give --all (every message) or --quarantined (only quarantined ones), not both");
            }

            if (result.GetValue(since) is { } text && ParseSince(text) is null)
            {
                result.AddError($"--since '{text}' is not an ISO date; expected YYYY-MM-DD (e.g. 2026-12-01) or an ISO 8601 time (2026-12-01T08:00:00Z)");
            }
        });
        command.SetAction((parse, ct) =>
        {
            var env = environment();
            return RunAsync(
                env,
                new ReprocessSelection
                {
                    IncludeProcessed = parse.GetValue(all),
                    Since = parse.GetValue(since) is { } text ? ParseSince(text) : null,
                    MessageId = parse.GetValue(messageId),
                },
                parse.GetDatabase(db, env),
                parse.GetReader(reader, env),
                parse.GetValue(verbose),
                ct);
        });
        return command;
    }

    /// <summary>An ISO date (midnight UTC) or ISO 8601 time; null when the text is neither.</summary>
    internal static DateTimeOffset? ParseSince(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        string[] formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];
        return DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;
    }

    /// <summary>
    /// Reads the messages <paramref name="selection"/> names in the book at <paramref name="dbPath"/> again with
    /// <paramref name="environment"/>'s settings and prints what changed to its output; the exit code, or a category
    /// exception for the caller's one line.
    /// </summary>
    internal static async Task<int> RunAsync(VerbEnvironment environment, ReprocessSelection selection, string dbPath, string reader, bool verbose, CancellationToken cancellationToken)
    {
        // Before the store: a model reader or geocoder without its key is one clear error, with nothing changed.
        var configuration = environment.Configuration;
        var options = StoreConfiguration.Options(dbPath, configuration);
        IOrderStore? cacheBook = null;
        try
        {
            // The geocode cache gets a store instance of its own: a message abandoned at its time limit may still
            // be geocoding while the next one is replaced.
            using var pipeline = ReaderPipeline.Create(reader, geocode: true, configuration, environment.Error, new DeferredGeocodeCache(
                () => cacheBook = OrderStoreFactory.Open(options)));
            using var book = StoreConfiguration.OpenExisting(dbPath, configuration);
            var reprocessor = new MessageReprocessor(book, pipeline.Processor, TimeProvider.System);
            var lines = verbose ? new PerMessageLines(environment.Out) : null;
            var summary = await reprocessor.RunAsync(selection, lines, cancellationToken).ConfigureAwait(false);
            Print(environment.Out, summary, book, reader);
            return ExitCodes.Success;
        }
        finally
        {
            cacheBook?.Dispose();
        }
    }

    private static void Print(TextWriter output, ReprocessSummary s, IOrderStore book, string reader)
    {
        var inv = CultureInfo.InvariantCulture;
        if (s.Messages == 0)
        {
            output.WriteLine($"Nothing to reprocess in {book.Location}.");
            return;
        }

        output.WriteLine(string.Format(inv, "Reprocessed {0} messages in {1} (reader {2})", s.Messages, book.Location, reader));
        output.WriteLine(string.Format(inv, "  unchanged           {0,7}", s.Count(ReprocessOutcome.Unchanged)));
        output.WriteLine(string.Format(inv, "  changed             {0,7}", s.Count(ReprocessOutcome.Changed)));
        output.WriteLine(string.Format(inv, "  newly processed     {0,7}", s.Count(ReprocessOutcome.NewlyProcessed)));
        output.WriteLine(string.Format(inv, "  still quarantined   {0,7}", s.Count(ReprocessOutcome.StillQuarantined)));
        if (s.Count(ReprocessOutcome.KeptDespiteFailure) > 0)
        {
            output.WriteLine(string.Format(inv, "  kept (now failing)  {0,7}  (stored orders kept; -v shows why)", s.Count(ReprocessOutcome.KeptDespiteFailure)));
        }

        if (s.Count(ReprocessOutcome.RawPurged) > 0)
        {
            output.WriteLine(string.Format(inv, "  raw message purged  {0,7}  (Storage:RawMessageRetention; cannot be read again)", s.Count(ReprocessOutcome.RawPurged)));
        }

        var replaced = s.Count(ReprocessOutcome.Changed) + s.Count(ReprocessOutcome.NewlyProcessed);
        if (replaced > 0 && book.OutboxSinks.Count > 0)
        {
            output.WriteLine($"The corrected rows wait in the outbox for {string.Join(", ", book.OutboxSinks)}: run 'fleetmanager sync' (the service pushes them by itself).");
        }
    }

    /// <summary><c>-v</c>: one line per message as it is done.</summary>
    private sealed class PerMessageLines(TextWriter output) : IProgress<ReprocessedMessage>
    {
        public void Report(ReprocessedMessage value)
        {
            var what = value.Outcome switch
            {
                ReprocessOutcome.Unchanged => "unchanged",
                ReprocessOutcome.Changed => "changed",
                ReprocessOutcome.NewlyProcessed => "newly processed",
                ReprocessOutcome.StillQuarantined => "still quarantined",
                ReprocessOutcome.KeptDespiteFailure => "kept (now failing)",
                _ => "raw message purged",
            };
            var reason = value.Reason is { } r && value.Outcome is ReprocessOutcome.StillQuarantined or ReprocessOutcome.KeptDespiteFailure ? ": " + r : string.Empty;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{value.Entry.MessageId}  {what}  {value.OrderCount} orders{reason}"));
        }
    }
}
