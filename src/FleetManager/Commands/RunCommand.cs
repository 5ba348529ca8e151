using System.CommandLine;
using FleetManager.Core.Errors;
using FleetManager.Dashboard;
using FleetManager.Hosting;
using FleetManager.Mail.Parsing;
using FleetManager.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using FleetManager.Service.Sources;

namespace FleetManager.Commands;

/// <summary><c>fleetmanager run</c>: the long-running service (poll loops, health, metrics) until SIGTERM or Ctrl+C.</summary>
internal static class RunCommand
{
    public static Command Create(Func<VerbEnvironment> environment)
    {
        var db = CommonOptions.Database();
        var command = new Command("run", "Run the service: poll every configured source on its schedule, serve /healthz and /metrics (Service:Urls).")
        {
            db,
        };
        // The host stops on SIGTERM/SIGINT by itself (drain, release leases), not on the command line's token.
        command.SetAction((parse, _) =>
        {
            var env = environment();
            return RunAsync(env, parse.GetDatabase(db, env), CancellationToken.None);
        });
        return command;
    }

    /// <summary>
    /// The service over <paramref name="environment"/>'s settings and the book at <paramref name="dbPath"/>, its log lines
    /// on the environment's output, until a signal or <paramref name="stopping"/> (a test's; the process passes none and
    /// stops on SIGTERM/SIGINT).
    /// </summary>
    internal static async Task<int> RunAsync(VerbEnvironment environment, string dbPath, CancellationToken stopping)
    {
        var configuration = environment.Configuration;
        // The service's log lines go to the environment's output (the process's stdout, as a container's log collector expects).
        var app = ServiceHost.Build(ServiceHost.CreateBuilder(configuration, dbPath, environment.Out, colors: environment.OutputIsInteractiveConsole));
        await using (app.ConfigureAwait(false))
        {
            // Validate before starting, so a configuration mistake is one clear line (exit 5), not a host failure with a stack trace.
            var options = app.Services.GetRequiredService<IOptions<ServiceOptions>>().Value;
            _ = app.Services.GetRequiredService<IOptions<MailLimitsOptions>>().Value;
            app.Services.GetRequiredService<SourceCatalog>().CreateDefaultFolder();
            WebHostBuilderFactory.ValidateBeforeStart(app);

            ListenUrls.EnsureFree(options.Urls, "Service:Urls", UrlsFix);
            await WarnIfNobodyCanSignInAsync(app, options.Urls, stopping).ConfigureAwait(false);

            // The host handles SIGTERM/SIGINT itself: drain, release leases, stop within Service:ShutdownTimeout.
            try
            {
                // The extension that takes a token (WebApplication.RunAsync takes a URL).
                var hostedServices = app.Services.GetServices<IHostedService>().ToList();
                await HostingAbstractionsHostExtensions.RunAsync(app, stopping).ConfigureAwait(false);
                if (FailedBackgroundService.FailureOf(hostedServices) is { } failure)
                {
                    // The host logged it with its stack trace; the exit code says it was no clean stop.
                    return CommandLine.Report(failure, environment.Error);
                }
            }
            catch (IOException ex) when (ListenUrls.IsAddressInUse(ex))
            {
                // Kestrel's "Failed to bind to address": a setting to change, not a crash.
                var urls = configuration["Service:Urls"] ?? "the default";
                throw new ConfigurationException(
                    $"Cannot listen on Service:Urls ({urls}): the address is already in use or not allowed.",
                    UrlsFix, ex);
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// As <c>serve</c> does: a dashboard beyond loopback (a container's default) with no user and no sign-in proxy is
    /// one nobody can sign in to. A store that cannot be read now is left to the polls and <c>/healthz/ready</c>.
    /// </summary>
    private static async Task WarnIfNobodyCanSignInAsync(WebApplication app, string urls, CancellationToken stopping)
    {
        if (app.Services.GetService<DashboardStore>() is not { } dashboard || !DashboardSignInCheck.NeedsUsers(urls, app.Configuration))
        {
            return;
        }

        try
        {
            var (users, location) = await dashboard.UseAsync(
                async (orders, _, token) => ((await orders.Users.ListAsync(token).ConfigureAwait(false)).Count, orders.Location), stopping).ConfigureAwait(false);
            if (users == 0)
            {
                ServiceLog.DashboardWithoutUsers(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RunCommand).FullName!), DashboardSignInCheck.NobodyCanSignIn(urls, location));
            }
        }
        catch (StoreException)
        {
        }
    }

    private const string UrlsFix = "Stop the other program on that port or set Service:Urls (FLEETMANAGER__SERVICE__URLS) to a free one, for example http://127.0.0.1:8081.";
}
