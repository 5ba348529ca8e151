using System.CommandLine;
using System.Globalization;
using FleetManager.Core.Errors;
using FleetManager.Core.Options;
using Microsoft.Extensions.Options;

namespace FleetManager.Commands;

/// <summary>
/// The verbs and the one place where failures become a single clear line and an exit code: no stack
/// trace reaches a user for a mistake they can fix.
/// </summary>
internal static class CommandLine
{
    /// <summary>The verbs as the process runs them: each over <see cref="VerbEnvironment.FromProcess"/>, built when it runs.</summary>
    public static RootCommand CreateRoot() => CreateRoot(VerbEnvironment.FromProcess);

    /// <summary>
    /// The verbs, each run over the environment <paramref name="environment"/> gives when the verb is invoked (not when
    /// its command line is parsed): the defaults of <c>--db</c> and <c>--reader</c> are that environment's.
    /// </summary>
    public static RootCommand CreateRoot(Func<VerbEnvironment> environment) => new("FleetManager: turns a freight company's inbox into a clean order book.")
    {
        ImportCommand.Create(environment),
        ReprocessCommand.Create(environment),
        ExtractCommand.Create(environment),
        EvalCommand.Create(environment),
        CorrectionsCommand.Create(environment),
        OrdersCommand.Create(environment),
        DbCommand.Create(environment),
        UsersCommand.Create(environment),
        AuthCommand.Create(environment),
        SyncCommand.Create(environment),
        RunCommand.Create(environment),
        ServeCommand.Create(environment),
        PollCommand.Create(environment),
        DoctorCommand.Create(environment),
        HealthcheckCommand.Create(environment),
    };

    /// <summary>Verbs that handle SIGTERM/SIGINT themselves (drain, release leases) instead of System.CommandLine's 2-second cancellation.</summary>
    private static readonly HashSet<string> SelfStoppingVerbs = new(StringComparer.Ordinal) { "run", "poll", "serve" };

    /// <summary>The process's command line over the process's environment; the exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        // The last resort: a failure on a thread nobody awaits would otherwise end the process with the
        // runtime's stack trace and exit 134. It gets the same one line as everything else.
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            var code = e.ExceptionObject is Exception ex ? Report(ex, Console.Error) : ExitCodes.InternalError;
            Console.Error.Flush();
            Environment.Exit(code);
        };

        try
        {
            // The process's environment is built when a verb runs: help and usage errors need no configuration.
            return await RunVerbAsync(args, VerbEnvironment.FromProcess, Console.Out, Console.Error).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return Report(ex, Console.Error);
        }
    }

    /// <summary>
    /// A whole command line run in-process over <paramref name="environment"/> (a test's): parsing, the defaults, the verb,
    /// help and usage errors, and any failure as its one line on the environment's error writer; the exit code.
    /// </summary>
    internal static async Task<int> RunAsync(string[] args, VerbEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        try
        {
            return await RunVerbAsync(args, () => environment, environment.Out, environment.Error).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return Report(ex, environment.Error);
        }
    }

    private static async Task<int> RunVerbAsync(string[] args, Func<VerbEnvironment> environment, TextWriter output, TextWriter error)
    {
        if (args.Length == 0)
        {
            // The bare command: the verbs, not "Required command was not provided". Still exit 2 (no verb ran).
            await CreateRoot(environment).Parse(["--help"]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var parse = CreateRoot(environment).Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One error: the one that says what is wrong, not its consequences.
            error.WriteLine("error: " + UsageErrors.Describe(parse));
            error.WriteLine("Run 'fleetmanager --help' (or 'fleetmanager VERB --help') for usage.");
            return ExitCodes.Usage;
        }

        // Help and --version go to the same writers as the verbs' output.
        var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = error };
        if (SelfStoppingVerbs.Contains(parse.CommandResult.Command.Name))
        {
            configuration.ProcessTerminationTimeout = null;
        }

        return await parse.InvokeAsync(configuration).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes any failure as one line (what went wrong and what to do) and returns its exit code. Categories decide; the few library types below are what can
    /// still escape before an adapter wraps them (the host's start-up, the options binder).
    /// </summary>
    internal static int Report(Exception exception, TextWriter error)
    {
        switch (Unwrap(exception))
        {
            case FleetManagerException ex:
                var resume = ex is ServiceUnavailableException { RetryAfter: { } at }
                    ? string.Create(CultureInfo.InvariantCulture, $" Try again after {at.ToUniversalTime():yyyy-MM-dd HH:mm} UTC.")
                    : "";
                error.WriteLine("error: " + ex.OneLine + resume);
                return ExitCodes.ForCategory(ex.Category);
            case OptionsValidationException ex:
                foreach (var failure in ex.Failures)
                {
                    error.WriteLine("error: configuration: " + ValidationFailureText.WithoutMemberLabels(failure.ReplaceLineEndings(" ")));
                }

                return ExitCodes.Configuration;
            case InvalidOperationException ex when ex.InnerException is FormatException || ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal):
                // A setting that does not parse (a TimeSpan, a number): the binder names the key.
                error.WriteLine("error: configuration: " + ex.Message.ReplaceLineEndings(" "));
                return ExitCodes.Configuration;
            case OperationCanceledException:
                error.WriteLine("interrupted: everything committed so far is kept; run the same command again to continue.");
                return ExitCodes.Interrupted;
            case IOException or UnauthorizedAccessException:
                error.WriteLine("error: " + exception.Message.ReplaceLineEndings(" ") + " Check the path and its permissions.");
                return ExitCodes.InputMissing;
            case HttpRequestException or Polly.CircuitBreaker.BrokenCircuitException or TimeoutException:
                error.WriteLine("error: " + exception.Message.ReplaceLineEndings(" ") + " Everything committed so far is kept; run the same command again later.");
                return ExitCodes.ServiceUnavailable;
            default:
                var bug = Unwrap(exception);
                error.WriteLine($"error: internal error ({bug.GetType().Name}: {bug.Message.ReplaceLineEndings(" ")}). Everything committed so far is kept; please report this with the command you ran.");
                return ExitCodes.InternalError;
        }
    }

    private static Exception Unwrap(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions: [var only] } => Unwrap(only),
        System.Reflection.TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        _ => exception,
    };
}
