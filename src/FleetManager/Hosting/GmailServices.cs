using FleetManager.Google;
using FleetManager.Google.Gmail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FleetManager.Hosting;

/// <summary>The Gmail services for the CLI verbs, built from the app's configuration and validated before use.</summary>
internal static class GmailServices
{
    /// <exception cref="OptionsValidationException">A Gmail or Google setting is missing or invalid.</exception>
    public static ServiceProvider Build(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddGmail(configuration);
        return ValidatedServices.Build(services);
    }

    public static GmailOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<GmailOptions>>().Value;
}
