using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FleetManager.Hosting;

/// <summary>
/// The executable's one "build, validate, flatten errors": the CLI verbs build their containers without a
/// host, so nothing runs <c>ValidateOnStart</c> for them; here it runs once, and the failures of several
/// option types become ONE <see cref="OptionsValidationException"/> listing each failure once, which
/// <c>CommandLine.Report</c> prints as <c>error: configuration: …</c> lines with exit 5.
/// </summary>
internal static class ValidatedServices
{
    /// <summary>The provider for <paramref name="services"/>, its options validated; disposed again when they fail.</summary>
    /// <exception cref="OptionsValidationException">A setting is missing or invalid (every failure, once).</exception>
    public static ServiceProvider Build(IServiceCollection services)
    {
        var provider = services.BuildServiceProvider();
        try
        {
            Validate(provider);
            return provider;
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    /// <summary>Runs every <c>ValidateOnStart</c> check of <paramref name="provider"/> now.</summary>
    /// <exception cref="OptionsValidationException">A setting is missing or invalid (every failure, once).</exception>
    public static void Validate(IServiceProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        try
        {
            provider.GetService<IStartupValidator>()?.Validate();
        }
        catch (AggregateException exception) when (exception.Flatten().InnerExceptions.All(e => e is OptionsValidationException))
        {
            // Several option types may fail at once: one exception, each failure once.
            var failures = exception.Flatten().InnerExceptions.Cast<OptionsValidationException>().ToList();
            throw new OptionsValidationException(failures[0].OptionsName, failures[0].OptionsType, failures.SelectMany(f => f.Failures).Distinct().ToList());
        }
    }

    /// <summary>
    /// The same checks as lines, for the service's start-up, which collects the failures of every source
    /// before it says anything; empty when all pass.
    /// </summary>
    public static IReadOnlyList<string> Failures(IServiceProvider provider)
    {
        try
        {
            Validate(provider);
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return ex.Failures.ToList();
        }
        catch (AggregateException ex)
        {
            return ex.Flatten().InnerExceptions.SelectMany(e => e is OptionsValidationException o ? o.Failures : [e.Message]).ToList();
        }
    }
}
