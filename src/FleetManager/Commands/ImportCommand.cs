using System.CommandLine;
using System.Globalization;
using FleetManager.Core.Errors;
using FleetManager.Core.Geo;
using FleetManager.Core.Pipeline;
using FleetManager.Google;
using FleetManager.Google.Gmail;
using FleetManager.Mail.Imap;
using FleetManager.Hosting;
using FleetManager.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace FleetManager.Commands;

/// <summary>
/// <c>fleetmanager import PATH...</c> or <c>fleetmanager import --source gmail</c>: reads, classifies,
/// extracts, geocodes and stores messages (from files, or from the configured mailbox since its cursor).
/// </summary>
internal static class ImportCommand
{
    public static Command Create(Func<VerbEnvironment> environment)
    {
        var paths = CommonOptions.InputPaths();
        paths.Arity = ArgumentArity.ZeroOrMore;
        var source = new Option<string?>("--source")
        {
            Description = "Read the configured mailbox instead of PATHs: 'gmail' (docs/gmail.md) or 'imap' (docs/imap.md). Only what arrived since the last import is read.",
        };
        source.AcceptOnlyFromAmong("gmail", "imap");
        var db = CommonOptions.Database();
        var strict = new Option<bool>("--strict") { Description = "Exit with code 1 when any message was quarantined." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bar." };
        var reader = CommonOptions.Reader();
        var command = new Command("import", "Read messages into the order book (SQLite or PostgreSQL). Already processed messages are skipped.")
        {
            paths, source, db, strict, quiet, reader,
        };
        command.Validators.Add(result =>
        {
            var hasPaths = result.GetValue(paths) is { Length: > 0 };
            // By its tokens, not GetValue: an unknown kind (pop3) is already an error of its own, and GetValue would throw on it.
            var hasSource = result.GetResult(source) is { Tokens.Count: > 0 };
            if (hasPaths == hasSource)
            {
                result.AddError(hasPaths
                    ? "give either PATHs or --source, not both"
                    : "give the PATHs to import (.eml files, folders, Maildirs, mbox files) or --source gmail|imap");
            }
        });
        command.SetAction((parse, ct) =>
        {
            var env = environment();
            return parse.GetValue(source) is { } kind
                ? RunMailboxAsync(env, kind == "gmail" ? MailSourceKind.Gmail : MailSourceKind.Imap, parse.GetDatabase(db, env), parse.GetValue(strict), parse.GetValue(quiet), parse.GetReader(reader, env), ct)
                : RunAsync(env, parse.GetValue(paths)!, parse.GetDatabase(db, env), parse.GetValue(strict), parse.GetValue(quiet), parse.GetReader(reader, env), ct);
        });
        return command;
    }

    /// <summary>One poll of the configured mailbox: what arrived since the stored cursor, labelled (or flagged) after its commit.</summary>
    internal static async Task<int> RunMailboxAsync(VerbEnvironment environment, MailSourceKind kind, string dbPath, bool strict, bool quiet, string reader, CancellationToken cancellationToken)
    {
        // Before the store: a model reader or geocoder without its key is one clear error and no empty order book.
        var configuration = environment.Configuration;
        IOrderStore? opened = null;
        // The mailbox is registered in the reader's host: one container, one validation of every setting.
        using var pipeline = ReaderPipeline.Create(reader, geocode: true, configuration, environment.Error, new DeferredGeocodeCache(() => opened!), kind == MailSourceKind.Gmail
            ? (services, settings) => services.AddGmail(settings)
            : (services, settings) => services.AddImapOptions(Options.DefaultName, settings.GetSection(ImapOptions.SectionName)));
        using var book = OrderStoreFactory.Open(WritableStoreOptions(dbPath, configuration));
        var store = opened = book;
        IMailbox mailbox = kind == MailSourceKind.Gmail ? pipeline.Services.GetRequiredService<GmailMailbox>() : ConfiguredImapMailbox(pipeline.Services);
        var warmUp = OfflineGazetteer.Shared.WarmUpAsync(cancellationToken);
        try
        {
            var poller = new MailboxPoller(pipeline.Processor, store, store, TimeProvider.System) { MaxInFlight = pipeline.MaxInFlight };
            var progress = quiet || !environment.ErrorIsInteractiveConsole ? null : new MailboxProgressLine(environment.Error);
            var summary = await poller.PollAsync(mailbox, progress, cancellationToken).ConfigureAwait(false);
            progress?.Finish();
            await warmUp.ConfigureAwait(false);
            var quota = kind == MailSourceKind.Gmail ? pipeline.Services.GetRequiredService<GmailQuotaMeter>() : null;
            if (summary.MessagesRead == 0 && summary.StoppedBy is null)
            {
                environment.Out.WriteLine(quota is null ? $"Nothing new in {mailbox.Name}." : $"Nothing new in {mailbox.Name} ({quota.Units} Gmail quota units).");
                return ExitCodes.Success;
            }

            PrintSummary(environment, summary, book.Location);
            if (quota is not null)
            {
                environment.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "  Gmail quota units   {0,7}", quota.Units));
            }

            if (summary.StoppedBy is { } stopped)
            {
                PrintPaused(environment.Error, stopped);
                return ExitCodes.ForCategory(stopped.Category);
            }

            return strict && summary.Quarantined > 0 ? ExitCodes.Quarantined : ExitCodes.Success;
        }
        finally
        {
            (mailbox as IDisposable)?.Dispose();
        }
    }

    /// <summary>The <c>Imap</c> section's mailbox (docs/imap.md); password login (XOAUTH2 is for the service, with the Google credential).</summary>
    /// <param name="services">The host its options were registered and validated in (<c>AddImapOptions</c>).</param>
    /// <exception cref="OptionsValidationException">The IMAP settings ask for XOAUTH2.</exception>
    private static ImapMailbox ConfiguredImapMailbox(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ImapOptions>>().Value;

        if (options.Authentication == ImapAuthentication.OAuth2)
        {
            throw new OptionsValidationException(ImapOptions.SectionName, typeof(ImapOptions),
                ["import --source imap logs in with Imap:Password; for XOAUTH2 run the service ('fleetmanager run' with an imap source), which takes the token from the Google credential."]);
        }

        return new ImapMailbox(options);
    }

    /// <summary>The run stopped (a reader, geocoder or sink failed, not a message): what is stored, what is not, and what to do.</summary>
    private static void PrintPaused(TextWriter error, FleetManagerException stopped)
    {
        var resume = stopped is ServiceUnavailableException { RetryAfter: { } at } ? string.Create(CultureInfo.InvariantCulture, $" after {at.ToUniversalTime():yyyy-MM-dd HH:mm} UTC") : "";
        var when = stopped.Category == ErrorCategory.Unavailable ? $"run the same import again{resume}" : "run the same import again after the fix";
        var fix = stopped.Message.Contains(stopped.Fix, StringComparison.Ordinal) ? "" : $" ({stopped.Fix.TrimEnd('.')})";
        error.WriteLine($"stopped: {stopped.Message.TrimEnd('.')}. The messages before it are stored; the rest are not in the ledger: {when}{fix}.");
    }

    /// <summary>A one-line message counter on stderr (a mailbox has no byte total for a bar).</summary>
    private sealed class MailboxProgressLine(TextWriter error) : IProgress<ImportProgress>
    {
        private bool _written;

        public void Report(ImportProgress value)
        {
            _written = true;
            error.Write(value.OrdersListed > 0
                ? string.Create(CultureInfo.InvariantCulture, $"\rImporting ({value.Messages} messages), listing orders ({value.OrdersListed})")
                : string.Create(CultureInfo.InvariantCulture, $"\rImporting ({value.Messages} messages)"));
        }

        public void Finish()
        {
            if (_written)
            {
                error.WriteLine();
            }
        }
    }

    /// <summary>
    /// Imports <paramref name="paths"/> into the book <paramref name="dbPath"/> names, reading settings from and
    /// writing to <paramref name="environment"/>; the exit code, or a category exception for the caller's one line.
    /// </summary>
    internal static async Task<int> RunAsync(VerbEnvironment environment, string[] paths, string dbPath, bool strict, bool quiet, string reader, CancellationToken cancellationToken)
    {
        if (InputPaths.RefuseMissing(paths, environment.Error) is { } refused)
        {
            return refused;
        }

        // Before the store: a model reader or geocoder without its key is one clear error and no empty order book.
        var configuration = environment.Configuration;
        IOrderStore? opened = null;
        using var pipeline = ReaderPipeline.Create(reader, geocode: true, configuration, environment.Error, new DeferredGeocodeCache(() => opened!));
        using var book = OrderStoreFactory.Open(WritableStoreOptions(dbPath, configuration));
        var store = opened = book;

        // Load the gazetteer (about half a second of CPU) while the first messages are being read.
        var warmUp = OfflineGazetteer.Shared.WarmUpAsync(cancellationToken);
        var runner = new ImportRunner(pipeline.Processor, store, TimeProvider.System) { MaxInFlight = pipeline.MaxInFlight };
        var source = PipelineFactory.CreateSource(paths, pipeline.Limits.MaxMessageBytes);

        ImportSummary summary;
        // The bar is drawn on the environment's error writer, and only where that is an interactive terminal.
        var console = quiet ? null : environment.CreateErrorConsole();
        if (console is { Profile.Capabilities.Interactive: true })
        {
            var totalBytes = Math.Max(1, InputSize(paths));
            summary = await console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("Importing", maxValue: totalBytes);
                    // Drawn at once rather than at the first refresh tick: an import shorter than a tick shows its bar too.
                    context.Refresh();
                    var result = await runner.RunAsync(source, new ProgressTaskReporter(task), cancellationToken).ConfigureAwait(false);
                    task.Value = task.MaxValue;
                    return result;
                }).ConfigureAwait(false);
        }
        else
        {
            summary = await runner.RunAsync(source, null, cancellationToken).ConfigureAwait(false);
        }

        await warmUp.ConfigureAwait(false);
        PrintSummary(environment, summary, book.Location);
        InputPaths.NoteIfNothingRead(paths, summary.MessagesRead, environment.Error);
        if (summary.StoppedBy is { } stopped)
        {
            PrintPaused(environment.Error, stopped);
            return ExitCodes.ForCategory(stopped.Category);
        }

        return strict && summary.Quarantined > 0 ? ExitCodes.Quarantined : ExitCodes.Success;
    }

    /// <summary>The store options of an import: a damaged SQLite file is refused (exit 4) before anything is written to it.</summary>
    private static OrderStoreOptions WritableStoreOptions(string dbPath, IConfiguration configuration)
    {
        var options = StoreConfiguration.Options(dbPath, configuration);
        options.VerifyIntegrity = true;
        return options;
    }

    private static void PrintSummary(VerbEnvironment environment, ImportSummary s, string dbPath)
    {
        var output = environment.Out;
        var inv = CultureInfo.InvariantCulture;
        var newMessages = s.MessagesRead - s.SkippedAlreadyProcessed - s.DuplicatesInInput;
        if (s.MessagesRead > 0 && newMessages == 0)
        {
            output.WriteLine(string.Format(inv, "Nothing new: all {0} messages were already in {1}; nothing added.", s.MessagesRead, dbPath));
            return;
        }

        output.WriteLine(string.Format(inv, "Imported into {0} in {1:0.00} s ({2:0} messages/s)", dbPath, s.Elapsed.TotalSeconds, s.MessagesPerSecond));
        output.WriteLine(string.Format(inv, "  messages read       {0,7}", s.MessagesRead));
        output.WriteLine(string.Format(inv, "  orders              {0,7}  (from {1} order messages)", s.Orders, s.OrderMessages));
        output.WriteLine(string.Format(inv, "  invoices            {0,7}", s.Invoices));
        output.WriteLine(string.Format(inv, "  other               {0,7}", s.Other));
        output.WriteLine(string.Format(inv, "  quarantined         {0,7}", s.Quarantined));
        output.WriteLine(string.Format(inv, "  already processed   {0,7}  (skipped)", s.SkippedAlreadyProcessed));
        if (s.Usage.Calls > 0 || s.Usage.CallsSaved > 0)
        {
            output.WriteLine(string.Format(inv, "  model calls         {0,7}  ({1} input + {2} output tokens; {3} calls saved by the pre-filter)",
                s.Usage.Calls, s.Usage.InputTokens, s.Usage.OutputTokens, s.Usage.CallsSaved));
        }

        if (s.DuplicatesInInput > 0)
        {
            output.WriteLine(string.Format(inv, "  duplicates in input {0,7}  (same Message-ID or same bytes; stored once)", s.DuplicatesInInput));
        }
        const int shown = 10;
        foreach (var (sourceKey, reason) in s.QuarantineReasons.Take(shown))
        {
            environment.Error.WriteLine($"quarantined: {sourceKey}: {reason}");
        }

        if (s.QuarantineReasons.Count > shown)
        {
            environment.Error.WriteLine($"... and {s.QuarantineReasons.Count - shown} more quarantined messages (see the ledger).");
        }
    }

    /// <summary>Bytes of input, for the progress bar (mbox and folders report progress by bytes read).</summary>
    private static long InputSize(IEnumerable<string> paths)
    {
        long total = 0;
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                total += new FileInfo(path).Length;
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in new DirectoryInfo(path).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
                {
                    total += file.Length;
                }
            }
        }

        return total;
    }

    /// <summary>Feeds import progress to a Spectre progress task; called from the commit loop.</summary>
    private sealed class ProgressTaskReporter(ProgressTask task) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            task.Value = Math.Min(task.MaxValue, value.Bytes);
            task.Description = value.OrdersListed > 0
                ? string.Create(CultureInfo.InvariantCulture, $"Listing orders ({value.OrdersListed})")
                : string.Create(CultureInfo.InvariantCulture, $"Importing ({value.Messages} messages)");
        }
    }
}
