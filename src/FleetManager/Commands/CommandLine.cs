using System.CommandLine;
using FleetManager.Google.Auth;
using FleetManager.Google.Gmail;
using FleetManager.Core.Pipeline;
using Microsoft.Extensions.Options;
using FleetManager.Mail.Parsing;
using FleetManager.Mail.Sources;
using FleetManager.Storage;

namespace FleetManager.Commands;

/// <summary>
/// The verbs and the one place where failures become a single clear line and an exit code: no stack
/// trace reaches a user for a mistake they can fix.
/// </summary>
internal static class CommandLine
{
    public static RootCommand CreateRoot() => new("FleetManager: turns a freight company's inbox into a clean order book.")
    {
        ImportCommand.Create(),
        ExtractCommand.Create(),
        EvalCommand.Create(),
        OrdersCommand.Create(),
        DbCommand.Create(),
        AuthCommand.Create(),
        SyncCommand.Create(),
        RunCommand.Create(),
        PollCommand.Create(),
        DoctorCommand.Create(),
        HealthcheckCommand.Create(),
    };

    /// <summary>Verbs that handle SIGTERM/SIGINT themselves (drain, release leases) instead of System.CommandLine's 2-second cancellation.</summary>
    private static readonly HashSet<string> SelfStoppingVerbs = new(StringComparer.Ordinal) { "run", "poll" };

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = CreateRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine("error: " + error.Message);
            }

            Console.Error.WriteLine("Run 'fleetmanager --help' (or 'fleetmanager VERB --help') for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
            if (SelfStoppingVerbs.Contains(parse.CommandResult.Command.Name))
            {
                configuration.ProcessTerminationTimeout = null;
            }

            return await parse.InvokeAsync(configuration).ConfigureAwait(false);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures)
            {
                Console.Error.WriteLine("error: configuration: " + failure);
            }

            return ExitCodes.Configuration;
        }
        catch (InvalidOperationException ex) when (ex.InnerException is FormatException || ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            // A setting that does not parse (a TimeSpan, a number): the binder names the key.
            Console.Error.WriteLine("error: configuration: " + ex.Message);
            return ExitCodes.Configuration;
        }
        catch (ReaderUnavailableException ex)
        {
            var resume = ex.ResumeAt is { } at ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"; try again after {at.ToUniversalTime():yyyy-MM-dd HH:mm} UTC") : "";
            Console.Error.WriteLine($"error: {ex.Message} ({ex.Fix}{resume})");
            return ExitCodes.ServiceUnavailable;
        }
        catch (FleetManager.Core.Errors.StoreException ex)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            Console.Error.WriteLine("fix: " + ex.Fix);
            return ExitCodes.OrderBookUnavailable;
        }
        catch (OrderBookUnavailableException ex)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return ExitCodes.OrderBookUnavailable;
        }
        catch (MailSourceNotFoundException ex)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return ExitCodes.InputMissing;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return ExitCodes.InputMissing;
        }
        catch (GoogleAuthorizationException ex)
        {
            // The message ends with the fix: print them on two lines.
            Console.Error.WriteLine("error: " + (ex.Message.EndsWith(ex.Fix, StringComparison.Ordinal) ? ex.Message[..^ex.Fix.Length].TrimEnd() : ex.Message));
            Console.Error.WriteLine("fix: " + ex.Fix);
            return ExitCodes.SourceUnavailable;
        }
        catch (GmailApiException ex)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return ExitCodes.SourceUnavailable;
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException ex)
        {
            // The Gmail client's breaker opened (most recent calls failed): a passing outage, not a bug.
            Console.Error.WriteLine("error: " + ex.Message + " (the service failed too often in a row). Everything committed so far is kept; run the same command again later.");
            return ExitCodes.Transient;
        }
        catch (HttpRequestException ex)
        {
            Console.Error.WriteLine("error: " + ex.Message + " Everything committed so far is kept; run the same command again later.");
            return ExitCodes.Transient;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("interrupted: everything committed so far is kept; run the same command again to continue.");
            return ExitCodes.Interrupted;
        }
    }
}
