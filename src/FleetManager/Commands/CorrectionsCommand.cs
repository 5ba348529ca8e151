using System.CommandLine;
using FleetManager.Hosting;

namespace FleetManager.Commands;

/// <summary>
/// <c>fleetmanager corrections export DIR</c>: the dispatchers' corrections out of the order book, as a labelled
/// corpus <c>fleetmanager eval DIR</c> scores the reader on (the mailbox's own history as the test set).
/// </summary>
internal static class CorrectionsCommand
{
    public static Command Create(Func<VerbEnvironment> environment) => new("corrections", "Take people's corrections out of the order book.")
    {
        CreateExport(environment),
    };

    private static Command CreateExport(Func<VerbEnvironment> environment)
    {
        var folder = new Argument<DirectoryInfo>("DIR") { Description = "The folder to write NAME.eml + NAME.expected.json pairs into (new or empty, unless --force)." };
        var all = new Option<bool>("--all") { Description = "Every processed message whose raw bytes the book still holds (orders, invoices and others), not only the corrected ones." };
        var force = new Option<bool>("--force") { Description = "Replace DIR when it is not empty (the old folder is removed only once the new one is complete)." };
        var db = CommonOptions.Database();
        var command = new Command("export", "Write the corrected messages as a labelled corpus (the values people set are the truth), for 'fleetmanager eval DIR'.")
        {
            folder, all, force, db,
        };
        command.SetAction((parse, ct) =>
        {
            var env = environment();
            return RunAsync(parse.GetValue(folder)!, parse.GetValue(all), parse.GetValue(force), parse.GetDatabase(db, env), env, ct);
        });
        return command;
    }

    internal static async Task<int> RunAsync(DirectoryInfo folder, bool everyMessage, bool force, string connectionString, VerbEnvironment environment, CancellationToken cancellationToken)
    {
        if (File.Exists(folder.FullName))
        {
            environment.Error.WriteLine($"error: '{folder.FullName}' is a file; give a new or empty folder to write the corpus into");
            return ExitCodes.Usage;
        }

        if (folder.Exists && folder.EnumerateFileSystemInfos().Any() && !force)
        {
            environment.Error.WriteLine($"error: '{folder.FullName}' is not empty; give a new or empty folder, or --force to replace what is there");
            return ExitCodes.Usage;
        }

        using var book = StoreConfiguration.OpenExistingForReading(connectionString, environment.Configuration);
        CorrectedCorpusSummary summary;
        using (var target = AtomicExportDirectory.Create(folder.FullName))
        {
            try
            {
                summary = await CorrectedCorpusExporter.WriteAsync(book, target.Path, everyMessage, environment.Error, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex) when (ExportDiskFullException.IsDiskFull(ex))
            {
                throw new CorpusExportDiskFullException(folder.FullName, ex);
            }

            if (summary.Written == 0)
            {
                // Nothing is written, not even an empty folder: eval on it would only say it holds no pairs.
                environment.Out.WriteLine(everyMessage
                    ? $"Nothing to export: {book.Location} holds no processed message with its raw bytes ({summary.WithoutRawMessage} purged by retention). '{folder.FullName}' was not written."
                    : $"Nothing to export: no message in {book.Location} has a correction (correct orders in the dashboard, or give --all for every processed message). '{folder.FullName}' was not written.");
                return ExitCodes.Success;
            }

            target.Complete();
        }

        environment.Out.WriteLine($"Exported {summary.Written} messages to {folder.FullName} ({summary.CorrectedMessages} with corrected orders). Score the reader on them: fleetmanager eval {folder.FullName} -v");
        if (summary.WithoutRawMessage > 0)
        {
            environment.Error.WriteLine($"warning: {summary.WithoutRawMessage} selected messages were left out: their raw bytes were purged (Storage:RawMessageRetention)");
        }

        return ExitCodes.Success;
    }
}
