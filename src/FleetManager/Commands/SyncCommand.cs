using FleetManager.Service.Sources;
using FleetManager.Core.Errors;
using FleetManager.Google;
using System.CommandLine;
using FleetManager.Core.Pipeline;
using FleetManager.Google.Auth;
using FleetManager.Google.Sheets;
using FleetManager.Hosting;
using FleetManager.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FleetManager.Commands;

/// <summary>
/// <c>fleetmanager sync</c>: pushes the orders waiting in the outbox to Google Sheets and says how many went.
/// Safe to run at any time and as often as wanted: a row is never written twice (docs/sheets.md).
/// </summary>
internal static class SyncCommand
{
    public static Command Create(Func<VerbEnvironment> environment)
    {
        var db = CommonOptions.Database();
        var command = new Command("sync", "Push the orders waiting in the outbox to Google Sheets (GOOGLE_SHEETS_SPREADSHEET_ID) and print how many went.") { db };
        command.SetAction((parse, ct) =>
        {
            var env = environment();
            return RunAsync(env, parse.GetDatabase(db, env), ct);
        });
        return command;
    }

    /// <summary>The verb over <paramref name="environment"/>'s settings and writers, with the order book's outbox and the configured Google credential.</summary>
    internal static Task<int> RunAsync(VerbEnvironment environment, string dbPath, CancellationToken cancellationToken) =>
        RunAsync(environment, dbPath, connectionString => OpenOutbox(connectionString, environment.Configuration), ResolveTokens, cancellationToken);

    /// <summary>
    /// The verb's work in one host of <see cref="VerbHostBuilder"/>, with the outbox and the credential passed in
    /// (tests give a stand-in's settings, an in-memory outbox and a fake token); both are resolved only after the
    /// Sheets settings passed their checks, so a missing spreadsheet id opens no store.
    /// </summary>
    internal static async Task<int> RunAsync(
        VerbEnvironment environment,
        string dbPath,
        Func<string, IOutbox> openOutbox,
        Func<IServiceProvider, IGoogleAccessTokenProvider?> tokens,
        CancellationToken cancellationToken)
    {
        var configuration = environment.Configuration;
        var output = environment.Out;
        var errors = environment.Error;
        var builder = VerbHostBuilder.Create(configuration);
        builder.Services.AddSheets(configuration);
        builder.Services.AddGoogleCredential(CredentialName, configuration);
        // Opened on first use and disposed with the host.
        builder.Services.AddSingleton(_ => openOutbox(dbPath));
        builder.Services.AddSingleton(provider => tokens(provider) ?? throw new InvalidOperationException("No Google credential: checked before the pusher is built."));
        using var host = builder.Build();
        var services = host.Services;
        SheetsOptions options;
        try
        {
            options = services.GetRequiredService<IOptions<SheetsOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            return CommandLine.Report(ex, errors);
        }

        if (!options.IsConfigured)
        {
            await errors.WriteLineAsync(
                "error: Google Sheets is not configured: set GOOGLE_SHEETS_SPREADSHEET_ID (or FLEETMANAGER__SHEETS__SPREADSHEETID) to the id in the " +
                "spreadsheet's URL, and GOOGLE_SHEETS_RANGE_NAME to its tab if not Sheet1. Nothing was sent; see docs/sheets.md.").ConfigureAwait(false);
            return ExitCodes.Configuration;
        }

        if (tokens(services) is null)
        {
            await errors.WriteLineAsync(
                "error: No Google credential is configured. " + SharedGoogleCredential.MissingFix + " Nothing was sent.").ConfigureAwait(false);
            return ExitCodes.Configuration;
        }

        var outbox = services.GetRequiredService<IOutbox>();
        var pusher = services.GetRequiredService<SheetsOutboxPusher>();
        try
        {
            var result = await pusher.PushAsync(cancellationToken).ConfigureAwait(false);
            var already = result.AlreadyPresent > 0 ? $" ({result.AlreadyPresent} already in the sheet)" : string.Empty;
            await output.WriteLineAsync($"sheets: {result.Appended} row(s) appended to '{options.SheetName}'{already}; {await outbox.DepthAsync(SheetsOutboxPusher.SinkName, cancellationToken).ConfigureAwait(false)} pending.").ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (SheetsUnavailableException ex)
        {
            await errors.WriteLineAsync($"error: Google Sheets is unavailable: {ex.Message} {await outbox.DepthAsync(SheetsOutboxPusher.SinkName, cancellationToken).ConfigureAwait(false)} order(s) stay pending; run 'fleetmanager sync' again later.").ConfigureAwait(false);
            return ExitCodes.ForCategory(ex.Category);
        }
        catch (FleetManagerException ex)
        {
            // A refused spreadsheet (5), a revoked credential (6): the rows stay in the outbox.
            await errors.WriteLineAsync("error: " + ex.OneLine).ConfigureAwait(false);
            return ExitCodes.ForCategory(ex.Category);
        }
    }

    /// <summary>The name of the Google credential's options in the verb's host.</summary>
    private const string CredentialName = "sync";

    /// <summary>The order book's outbox (SQLite or PostgreSQL) with the verb's <c>Storage</c> settings; the store stays open for the command's life.</summary>
    private static IOutbox OpenOutbox(string dbPath, IConfiguration configuration) => OrderStoreFactory.Open(StoreConfiguration.Options(dbPath, configuration));

    /// <summary>
    /// The Google credential: the one configured for Gmail (<c>Gmail:CredentialsFile</c>, authorized with
    /// <c>fleetmanager auth google</c>), registered in the verb's host; null when none is configured.
    /// </summary>
    private static IGoogleAccessTokenProvider? ResolveTokens(IServiceProvider services) =>
        string.IsNullOrWhiteSpace(services.GetRequiredService<IConfiguration>()["Gmail:CredentialsFile"])
            ? null
            : services.GetRequiredKeyedService<IGoogleAccessTokenProvider>(GmailServiceCollectionExtensions.CredentialKey(CredentialName));
}
