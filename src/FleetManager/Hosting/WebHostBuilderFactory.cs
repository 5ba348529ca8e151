using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FleetManager.Hosting;

/// <summary>
/// The one way <c>run</c> and <c>serve</c> start a web host: configured from <see cref="AppConfiguration"/>'s
/// sources only, its log lines (<see cref="LoggingSetup"/>) on the writer the verb gives, listening on the given addresses.
/// </summary>
internal static class WebHostBuilderFactory
{
    /// <summary>
    /// The host's own default sources include the working directory's appsettings.json with reload on change, and
    /// on Linux that watch is recursive: started from a home directory or from <c>/</c>, the host walked the whole
    /// tree and held one inotify watch per directory for its lifetime (54,000 watches and 16 s before ready when
    /// started from <c>/</c>; where the per-user watch limit is lower, a start-up failure). FleetManager reads its
    /// settings once (<see cref="AppConfiguration"/>), so that reload is turned off before the host reads anything.
    /// </summary>
    private static readonly string[] NoConfigurationReload = ["--hostBuilder:reloadConfigOnChange=false"];

    /// <param name="configuration">The verb's configuration, the host's only one.</param>
    /// <param name="urls">Where Kestrel listens.</param>
    /// <param name="log">Where the host's log lines go (the verb's output writer: the process's stdout, or a test's writer).</param>
    /// <param name="colors">True when <paramref name="log"/> is a terminal, where levels are coloured.</param>
    /// <param name="contentRoot">The host's content root; the working directory when null.</param>
    public static WebApplicationBuilder Create(IConfiguration configuration, IReadOnlyList<string> urls, TextWriter log, bool colors, string? contentRoot = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = NoConfigurationReload,
            ContentRootPath = contentRoot ?? Directory.GetCurrentDirectory(),
        });

        // One configuration, from AppConfiguration's sources only (not ASPNETCORE_ variables or a second appsettings read).
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddFleetManagerLogging(configuration, log, colors);
        builder.WebHost.UseUrls([.. urls]);
        // Exact registrations for what the host resolves on its way to ready: under Native AOT the open generic ones
        // were a third of the start-up CPU (ClosedGenericServices).
        builder.Services.AddClosedHostServices();
        return builder;
    }

    /// <summary>
    /// Runs the options validation that the host would run as it starts (every <c>ValidateOnStart</c>), before it
    /// starts: a configuration mistake then reaches the caller as its OptionsValidationException — one line, exit 5
    /// — instead of first being logged by the host as "Hosting failed to start" with a stack trace.
    /// </summary>
    public static void ValidateBeforeStart(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetService<IStartupValidator>()?.Validate();
    }
}
