using System.CommandLine;
using FleetManager.Core.Errors;
using FleetManager.Hosting;
using FleetManager.Mail.Parsing;
using FleetManager.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FleetManager.Commands;

/// <summary><c>fleetmanager run</c>: the long-running service (poll loops, health, metrics) until SIGTERM or Ctrl+C.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Database();
        var command = new Command("run", "Run the service: poll every configured source on its schedule, serve /healthz and /metrics (Service:Urls).")
        {
            db,
        };
        command.SetAction((parse, _) => RunAsync(parse.GetValue(db)!));
        return command;
    }

    private static async Task<int> RunAsync(string dbPath)
    {
        var configuration = AppConfiguration.Build();
        var app = ServiceHost.Build(ServiceHost.CreateBuilder(configuration, ResolveDatabase(dbPath, configuration)));
        await using (app.ConfigureAwait(false))
        {
            // Validate before starting, so a configuration mistake is one clear line (exit 5), not a host failure with a stack trace.
            var options = app.Services.GetRequiredService<IOptions<ServiceOptions>>().Value;
            _ = app.Services.GetRequiredService<IOptions<MailLimitsOptions>>().Value;
            _ = app.Services.GetRequiredService<SourceCatalog>().Sources;

            // Before the host starts: a port in use would otherwise surface as the host's start-up failure,
            // logged with its stack trace.
            EnsureAddressesFree(options.Urls);

            // The host handles SIGTERM/SIGINT itself: drain, release leases, stop within Service:ShutdownTimeout.
            try
            {
                await app.RunAsync().ConfigureAwait(false);
            }
            catch (IOException ex) when (IsAddressInUse(ex))
            {
                // Kestrel's "Failed to bind to address": a setting to change, not a crash.
                var urls = configuration["Service:Urls"] ?? "the default";
                throw new ConfigurationException(
                    $"Cannot listen on Service:Urls ({urls}): the address is already in use or not allowed.",
                    "Stop the other program on that port or set Service:Urls (FLEETMANAGER__SERVICE__URLS) to a free one, for example http://127.0.0.1:8081.", ex);
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>Binds each of <paramref name="urls"/> for a moment; one in use is a configuration failure naming Service:Urls.</summary>
    private static void EnsureAddressesFree(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
            {
                continue;
            }

            var address = uri.Host switch
            {
                "localhost" => System.Net.IPAddress.Loopback,
                _ when System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) => parsed,
                _ => null,
            };
            if (address is null)
            {
                continue;
            }

            var probe = new System.Net.Sockets.TcpListener(address, uri.Port);
            try
            {
                probe.Start();
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                throw new ConfigurationException(
                    $"Cannot listen on {url} (Service:Urls): {ex.Message}.",
                    "Stop the other program on that port or set Service:Urls (FLEETMANAGER__SERVICE__URLS) to a free one, for example http://127.0.0.1:8081.", ex);
            }
            finally
            {
                probe.Stop();
            }
        }
    }

    private static bool IsAddressInUse(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse or System.Net.Sockets.SocketError.AccessDenied or System.Net.Sockets.SocketError.AddressNotAvailable })
            {
                return true;
            }
        }

        return exception.Message.StartsWith("Failed to bind to address", StringComparison.Ordinal);
    }

    /// <summary>The --db default follows DataDir from any configuration source, not only the DATA_DIR variable.</summary>
    internal static string ResolveDatabase(string dbPath, Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        dbPath == CommonOptions.DefaultDatabasePath() && configuration["DataDir"] is { Length: > 0 } dataDir
            ? Path.Combine(dataDir, "fleetmanager.db")
            : dbPath;
}
