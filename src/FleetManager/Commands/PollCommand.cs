using System.CommandLine;
using System.Runtime.InteropServices;
using FleetManager.Hosting;
using FleetManager.Mail.Parsing;
using FleetManager.Service;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using FleetManager.Service.Sources;

namespace FleetManager.Commands;

/// <summary>
/// <c>fleetmanager poll --once</c>: one pass of every enabled source (under its lease), then the
/// outbox, and an exit code that says what to do next (<see cref="ExitCodes"/>): for cron jobs and checks.
/// </summary>
internal static class PollCommand
{
    public static Command Create(Func<VerbEnvironment> environment)
    {
        var db = CommonOptions.Database();
        var once = new Option<bool>("--once") { Description = "Poll every source once and exit (required: the continuous service is 'fleetmanager run')." };
        var command = new Command("poll", "Poll every configured source once, push the outbox, and exit with a code saying how it went.")
        {
            db, once,
        };
        command.SetAction((parse, _) =>
        {
            var env = environment();
            return parse.GetValue(once)
                ? RunAsync(env, parse.GetDatabase(db, env))
                : Task.FromResult(Usage(env.Error));
        });
        return command;
    }

    private static int Usage(TextWriter error)
    {
        error.WriteLine("error: 'poll' needs --once (the continuous service is 'fleetmanager run').");
        return ExitCodes.Usage;
    }

    /// <summary>
    /// One pass over <paramref name="environment"/>'s sources into the book at <paramref name="dbPath"/>, with the
    /// verdicts and one-line failures on its error writer: the process passes its own, a test its settings and writers.
    /// The log lines (the service's, <c>Logging:Format</c>) go to the same error writer.
    /// </summary>
    internal static async Task<int> RunAsync(VerbEnvironment environment, string dbPath)
    {
        var configuration = environment.Configuration;
        var builder = VerbHostBuilder.Create(configuration);
        builder.Logging.AddFleetManagerLogging(configuration, environment.Error, colors: environment.ErrorIsInteractiveConsole);
        builder.Services.AddFleetManagerService(configuration, dbPath);
        using var host = builder.Build();
        var services = host.Services;

        ServiceOptions options;
        SourceCatalog catalog;
        try
        {
            // Every setting run checks before it starts (the sinks' too): nothing is polled on settings that fail.
            ValidatedServices.Validate(services);
            options = services.GetRequiredService<IOptions<ServiceOptions>>().Value;
            _ = services.GetRequiredService<IOptions<MailLimitsOptions>>().Value;
            catalog = services.GetRequiredService<SourceCatalog>();
        }
        catch (OptionsValidationException ex)
        {
            return CommandLine.Report(ex, environment.Error);
        }

        using var drain = new CancellationTokenSource();
        using var hardStop = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            // Take no new message; finish the batch in flight; give up after Service:ShutdownTimeout.
            context.Cancel = true;
            drain.Cancel();
            hardStop.CancelAfter(options.ShutdownTimeout);
        }

        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);

        var result = await PollOnceRunner.RunAsync(services, environment.Error, drain.Token, hardStop.Token).ConfigureAwait(false);
        if (result.Interrupted)
        {
            environment.Error.WriteLine("interrupted: everything committed so far is kept; run the same command again to continue.");
            return ExitCodes.Interrupted;
        }

        return ExitCodes.ForFailure(result.Worst);
    }
}
