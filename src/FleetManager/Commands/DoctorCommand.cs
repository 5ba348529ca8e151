using System.CommandLine;
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
    public static Command Create()
    {
        var db = CommonOptions.Database();
        var command = new Command("doctor", "Check the configuration, data folder, store, credential files and external endpoints; print the fix for each failure.")
        {
            db,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(db)!, ct));
        return command;
    }

    private static async Task<int> RunAsync(string dbPath, CancellationToken cancellationToken)
    {
        var configuration = AppConfiguration.Build();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Configuration = new ConfigurationManager() });
        builder.Configuration.AddConfiguration(configuration);
        // The doctor speaks in its own lines; only warnings from the libraries it uses.
        builder.Logging.AddFleetManagerConsole(configuration, toStandardError: true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddFleetManagerService(configuration, RunCommand.ResolveDatabase(dbPath, configuration));
        using var host = builder.Build();

        var failed = 0;
        foreach (var check in host.Services.GetServices<IDoctorCheck>().OrderBy(c => c.Order))
        {
            await foreach (var result in check.RunAsync(cancellationToken).ConfigureAwait(false))
            {
                if (result.Ok)
                {
                    Console.WriteLine($"ok    {result.Check}: {result.Detail}");
                }
                else
                {
                    failed++;
                    Console.WriteLine($"FAIL  {result.Check}: {result.Detail}");
                    Console.WriteLine($"      fix: {result.Fix}");
                }
            }
        }

        Console.WriteLine(failed == 0 ? "All checks passed." : $"{failed} check(s) failed.");
        return failed == 0 ? ExitCodes.Success : ExitCodes.Quarantined;
    }
}
