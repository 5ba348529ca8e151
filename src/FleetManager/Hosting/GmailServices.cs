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
        var provider = services.BuildServiceProvider();
        try
        {
            // ValidateOnStart runs here: no host starts in a CLI verb.
            provider.GetRequiredService<IStartupValidator>().Validate();
            return provider;
        }
        catch (AggregateException exception) when (exception.Flatten().InnerExceptions.All(e => e is OptionsValidationException))
        {
            // Several option types may fail at once: one exception, each failure once.
            provider.Dispose();
            var failures = exception.Flatten().InnerExceptions.Cast<OptionsValidationException>().ToList();
            throw new OptionsValidationException(failures[0].OptionsName, failures[0].OptionsType, failures.SelectMany(f => f.Failures).Distinct().ToList());
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    public static GmailOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<GmailOptions>>().Value;
}
