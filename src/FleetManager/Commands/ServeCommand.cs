using System.CommandLine;
using FleetManager.Core.Errors;
using FleetManager.Dashboard;
using FleetManager.Dashboard.Security;
using FleetManager.Hosting;
using FleetManager.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FleetManager.Commands;

/// <summary>
/// <c>fleetmanager serve</c>: the dashboard over an order book, with no mail sources (after
/// <c>fleetmanager import samples/mailbox</c>, one more command opens the sample orders in a browser).
/// </summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:8080";

    private const string UrlsFix = "Stop the other program on that port or give --urls a free one, for example --urls http://127.0.0.1:8081.";

    public static Command Create(Func<VerbEnvironment> environment)
    {
        var db = CommonOptions.Database();
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen, ';'-separated (default {DefaultUrls}; port 0 picks a free port). Requests not from this machine need a sign-in (docs/dashboard.md).",
            DefaultValueFactory = _ => DefaultUrls,
        };
        urls.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>() ?? "";
            var parts = ListenUrls.Split(value);
            var problem = parts.Length == 0 ? ListenUrls.Problem(value) : parts.Select(ListenUrls.Problem).FirstOrDefault(p => p is not null);
            if (problem is not null)
            {
                result.AddError($"--urls: {problem}; for example --urls http://127.0.0.1:8081.");
            }
        });
        var command = new Command("serve", "Serve the dashboard over the order book (no mail sources): review, correct and export orders in a browser.")
        {
            db,
            urls,
        };
        // The host stops on SIGTERM/SIGINT by itself, not on the command line's token.
        command.SetAction((parse, _) =>
        {
            var env = environment();
            return RunAsync(env, parse.GetDatabase(db, env), parse.GetValue(urls)!, CancellationToken.None);
        });
        return command;
    }

    /// <summary>
    /// The dashboard over <paramref name="environment"/>'s settings and the book at <paramref name="dbPath"/>, its
    /// addresses and log lines on the environment's output, until a signal or <paramref name="stopping"/> (a test's).
    /// </summary>
    internal static async Task<int> RunAsync(VerbEnvironment environment, string dbPath, string urls, CancellationToken stopping)
    {
        var configuration = environment.Configuration;
        // Open (and migrate) now: a missing or unreadable book is one line and exit 4 before anything listens.
        using (var store = StoreConfiguration.OpenExisting(dbPath, configuration))
        {
            if (store.SearchIndexWarning is { } warning)
            {
                await environment.Error.WriteLineAsync("warning: " + warning).ConfigureAwait(false);
            }

            if (DashboardSignInCheck.NeedsUsers(urls, configuration) && (await store.Users.ListAsync(stopping).ConfigureAwait(false)).Count == 0)
            {
                await environment.Error.WriteLineAsync("warning: " + DashboardSignInCheck.NobodyCanSignIn(urls, store.Location)).ConfigureAwait(false);
            }
        }

        // The host's log lines go with the addresses to the environment's output (the process's stdout, as run's do).
        var builder = WebHostBuilderFactory.Create(
            configuration, urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), environment.Out, colors: environment.OutputIsInteractiveConsole);
        builder.Services.AddFleetManagerDashboard(configuration, StoreConfiguration.Options(dbPath, configuration));
        // Reprocess and reclassify from the dashboard read with the configured reader (rules by default).
        builder.Services.AddMessageReading(configuration, StoreConfiguration.Options(dbPath, configuration));
        var app = builder.Build();
        await using (app.ConfigureAwait(false))
        {
            _ = app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value;
            app.UseFleetManagerDashboardSecurity();
            app.MapFleetManagerDashboard();
            ListenUrls.EnsureFree(urls, "--urls", UrlsFix);
            WebHostBuilderFactory.ValidateBeforeStart(app);
            try
            {
                await app.StartAsync(stopping).ConfigureAwait(false);
            }
            catch (IOException ex) when (ListenUrls.IsAddressInUse(ex))
            {
                throw new ConfigurationException($"Cannot listen on {urls}: the address is already in use or not allowed.", UrlsFix, ex);
            }

            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                await environment.Out.WriteLineAsync($"Dashboard: {address}/orders (Ctrl+C to stop)").ConfigureAwait(false);
            }

            await environment.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await app.WaitForShutdownAsync(stopping).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
