using FleetManager.Hosting;
using System.CommandLine;
using System.Globalization;
using FleetManager.Core.Evaluation;
using FleetManager.Core.Model;
using FleetManager.Core.Pipeline;
using FleetManager.Core.Rules;
using FleetManager.Mail.Parsing;
using FleetManager.Mail.Sources;
using Microsoft.Extensions.Configuration;

namespace FleetManager.Commands;

/// <summary><c>fleetmanager eval CORPUS_DIR</c>: scores the reader on a labelled corpus.</summary>
internal static class EvalCommand
{
    public static Command Create(Func<VerbEnvironment> environment)
    {
        var corpus = new Argument<DirectoryInfo>("CORPUS_DIR") { Description = "Folder of NAME.eml + NAME.expected.json pairs." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List every disagreement with the expected files." };
        var reader = CommonOptions.Reader();
        var command = new Command("eval", "Score extraction on a labelled corpus (classification accuracy, order and field precision/recall/F1).")
        {
            corpus, json, verbose, reader,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var env = environment();
            return RunAsync(env, parse.GetValue(corpus)!, parse.GetValue(json), parse.GetValue(verbose), parse.GetReader(reader, env), cancellationToken);
        });
        return command;
    }

    /// <summary>The offline rules engine's report on <paramref name="directory"/>, on the built-in defaults (no setting of this machine).</summary>
    public static Task<EvaluationReport> EvaluateAsync(string directory, CancellationToken cancellationToken = default) =>
        EvaluateAsync(directory, "rules", new ConfigurationBuilder().Build(), cancellationToken);

    /// <summary>The report of <paramref name="reader"/> on <paramref name="directory"/>; its services' warnings are dropped.</summary>
    public static Task<EvaluationReport> EvaluateAsync(string directory, string reader, IConfiguration configuration, CancellationToken cancellationToken = default) =>
        EvaluateAsync(directory, reader, configuration, TextWriter.Null, cancellationToken);

    /// <param name="directory">The labelled corpus.</param>
    /// <param name="reader">rules, gemini or openai.</param>
    /// <param name="configuration">The settings the reader is built from (the verb's; tests point a model reader at a stand-in).</param>
    /// <param name="log">Where the reader's services write their warnings (the verb's error writer).</param>
    /// <param name="cancellationToken">Stops between messages (Ctrl+C).</param>
    public static async Task<EvaluationReport> EvaluateAsync(string directory, string reader, IConfiguration configuration, TextWriter log, CancellationToken cancellationToken)
    {
        // The same path as extract and import: a reader failure is a quarantined result, not a crash.
        using var pipeline = ReaderPipeline.Create(reader, geocode: false, configuration, log);
        var processor = pipeline.Processor;
        var scorer = new ExtractionScorer();
        foreach (var (eml, expected) in LabelledCorpus.Read(directory))
        {
            var processed = await processor.ProcessSafelyAsync(new RawMessage(eml, await File.ReadAllBytesAsync(eml, cancellationToken).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
            var actual = processed.Result;
            scorer.Add(expected, actual);
        }

        return scorer.Report();
    }

    /// <summary>
    /// Scores <paramref name="reader"/> on <paramref name="directory"/> with <paramref name="environment"/>'s settings and
    /// prints the report to its output; the exit code, or a category exception for the caller's one line.
    /// </summary>
    internal static async Task<int> RunAsync(VerbEnvironment environment, DirectoryInfo directory, bool json, bool verbose, string reader, CancellationToken cancellationToken)
    {
        var output = environment.Out;
        if (!directory.Exists)
        {
            // A file given where the folder belongs exists, so "does not exist" would mislead.
            var what = File.Exists(directory.FullName) ? "is a file, not a folder" : "does not exist";
            environment.Error.WriteLine($"error: corpus folder '{directory.FullName}' {what} (give a folder of NAME.eml + NAME.expected.json pairs)");
            return ExitCodes.InputMissing;
        }

        var report = await EvaluateAsync(directory.FullName, reader, environment.Configuration, environment.Error, cancellationToken).ConfigureAwait(false);
        if (report.Messages == 0)
        {
            environment.Error.WriteLine($"error: '{directory.FullName}' holds no NAME.eml + NAME.expected.json pairs");
            return ExitCodes.InputMissing;
        }

        if (json)
        {
            output.WriteLine(EvaluationReportJson.Write(report));
            return 0;
        }

        var inv = CultureInfo.InvariantCulture;
        if (verbose)
        {
            foreach (var m in report.Mismatches)
            {
                output.WriteLine($"  {m.MessageId} [{m.OrderIndex}] {m.Field}: expected {m.Expected ?? "null"}, got {m.Actual ?? "null"}");
            }

            output.WriteLine();
        }

        output.WriteLine($"{"field",-24} {"pred",5} {"exp",5} {"ok",5} {"prec",6} {"recall",6}");
        foreach (var f in report.Fields)
        {
            output.WriteLine(string.Format(inv, "{0,-24} {1,5} {2,5} {3,5} {4,6:0.000} {5,6:0.000}", f.Field, f.Predicted, f.Expected, f.Correct, f.Precision, f.Recall));
        }

        output.WriteLine();
        output.WriteLine(string.Format(inv, "messages                 {0}", report.Messages));
        output.WriteLine(string.Format(inv, "classification accuracy  {0:0.000}  (order precision {1:0.000}, recall {2:0.000})", report.ClassificationAccuracy, report.OrderClassPrecision, report.OrderClassRecall));
        output.WriteLine(string.Format(inv, "orders                   precision {0:0.000}, recall {1:0.000}  ({2} predicted, {3} expected, {4} paired)", report.OrderPrecision, report.OrderRecall, report.OrdersPredicted, report.OrdersExpected, report.OrdersPaired));
        output.WriteLine(string.Format(inv, "fields                   precision {0:0.000}, recall {1:0.000}, F1 {2:0.000}", report.FieldPrecision, report.FieldRecall, report.FieldF1));
        return 0;
    }
}
