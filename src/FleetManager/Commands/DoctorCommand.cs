using System.CommandLine;
using System.Text.Json;
using FleetManager.Hosting;
using FleetManager.Service;
using FleetManager.Service.Doctor;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FleetManager.Commands;

/// <summary><c>fleetmanager doctor</c>: one line per check, with the fix for each failure; exit 0 when all pass, else 1.</summary>
internal static class DoctorCommand
{
    public static Command Create(Func<VerbEnvironment> environment)
    {
        var db = CommonOptions.Database();
        var json = new Option<bool>("--json") { Description = "Print the checks as one JSON document (status ok/warn/fail, detail, fix) for monitoring." };
        var command = new Command("doctor", "Check the configuration, data folder and free disk, store and its integrity, credential files and external endpoints; print the fix for each failure. Changes nothing.")
        {
            db,
            json,
        };
        command.SetAction((parse, ct) =>
        {
            var env = environment();
            return RunAsync(env, parse.GetDatabase(db, env), parse.GetValue(json), ct);
        });
        return command;
    }

    /// <summary>
    /// Runs every check of the service's composition against <paramref name="environment"/>'s settings and prints to its
    /// output; the libraries' warnings (<c>Logging:LogLevel</c> may ask for more) go to its error writer.
    /// </summary>
    internal static async Task<int> RunAsync(VerbEnvironment environment, string dbPath, bool json, CancellationToken cancellationToken)
    {
        var configuration = environment.Configuration;
        var output = environment.Out;
        var builder = VerbHostBuilder.Create(configuration);
        // The doctor speaks in its own lines on the output; only warnings from the libraries it uses, on the error writer.
        builder.Logging.AddFleetManagerLogging(configuration, environment.Error, colors: environment.ErrorIsInteractiveConsole).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddFleetManagerService(configuration, dbPath);
        using var host = builder.Build();

        var lines = new List<DoctorReportLine>();
        foreach (var check in host.Services.GetServices<IDoctorCheck>().OrderBy(c => c.Order))
        {
            await foreach (var result in check.RunAsync(cancellationToken).ConfigureAwait(false))
            {
                lines.Add(new DoctorReportLine(result.Check, result.Status, result.Detail, result.Status == "ok" ? null : result.Fix));
                if (!json)
                {
                    output.WriteLine($"{(result.Ok && !result.Warning ? "ok" : result.Status.ToUpperInvariant()),-5} {result.Check}: {result.Detail}");
                    if (result.Status != "ok")
                    {
                        output.WriteLine($"      fix: {result.Fix}");
                    }
                }
            }
        }

        var failed = lines.Count(l => l.Status == "fail");
        var report = new DoctorReport(lines, failed, lines.Count(l => l.Status == "warn"));
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(report, DoctorJsonContext.Default.DoctorReport));
        }
        else
        {
            output.WriteLine(failed == 0
                ? report.Warnings == 0 ? "All checks passed." : $"All checks passed, {report.Warnings} warning(s)."
                : $"{failed} check(s) failed.");
        }

        return failed == 0 ? ExitCodes.Success : ExitCodes.Quarantined;
    }
}
