using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FleetManager.Hosting;

/// <summary>
/// The executable's one "validate, flatten errors": a verb's host is built but not started
/// (<see cref="VerbHostBuilder.BuildValidated"/>), so nothing runs <c>ValidateOnStart</c> for it; here it runs
/// once, and the failures of several option types become ONE <see cref="OptionsValidationException"/> listing
/// each failure once, which <c>CommandLine.Report</c> prints as <c>error: configuration: …</c> lines with exit 5.
/// </summary>
internal static class ValidatedServices
{
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

    /// <summary>What <see cref="Validate"/> would throw for, as a list (empty when every setting passed), to be joined with the failures of other checks.</summary>
    public static IReadOnlyList<string> Failures(IServiceProvider provider)
    {
        try
        {
            Validate(provider);
            return [];
        }
        catch (OptionsValidationException exception)
        {
            return [.. exception.Failures];
        }
    }
}
