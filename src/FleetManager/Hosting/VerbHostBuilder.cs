using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace FleetManager.Hosting;

/// <summary>
/// The one host builder of the verbs that serve no web page (<c>poll</c>, <c>doctor</c>, and the containers of
/// <c>import</c>, <c>extract</c>, <c>eval</c>, <c>reprocess</c>, <c>auth</c>, <c>sync</c>): an empty
/// <see cref="HostApplicationBuilder"/> over the configuration it is given and nothing else — no appsettings
/// scan, no file watch, no hosted service the verb did not add — so a test builds the very same container
/// in-process from its own settings. <c>run</c> and <c>serve</c> use <see cref="WebHostBuilderFactory"/>; the
/// service's registrations come from <c>AddFleetManagerService</c> in either.
/// </summary>
internal static class VerbHostBuilder
{
    public static HostApplicationBuilder Create(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Configuration = new ConfigurationManager() });
        builder.Configuration.AddConfiguration(configuration);
        return builder;
    }

    /// <summary>
    /// The host of <paramref name="builder"/>, not started (a verb resolves what it uses), its options validated
    /// now through <see cref="ValidatedServices"/>; disposed again when they fail.
    /// </summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is missing or invalid (every failure, once).</exception>
    public static IHost BuildValidated(HostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var host = builder.Build();
        try
        {
            ValidatedServices.Validate(host.Services);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
