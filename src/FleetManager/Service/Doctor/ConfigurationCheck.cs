using System.Runtime.CompilerServices;
using FleetManager.Mail.Parsing;
using Microsoft.Extensions.Options;
using FleetManager.Service.Sources;

namespace FleetManager.Service.Doctor;

/// <summary>The options validation the service runs at start (<c>Service</c>, <c>Sources</c>, <c>Limits</c>).</summary>
internal sealed class ConfigurationCheck(IOptions<ServiceOptions> service, IOptions<SourcesOptions> sources, IOptions<MailLimitsOptions> limits) : IDoctorCheck
{
    public int Order => 0;

    public async IAsyncEnumerable<DoctorResult> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        var failures = new List<string>();
        try
        {
            _ = service.Value;
        }
        catch (OptionsValidationException ex)
        {
            failures.AddRange(ex.Failures);
        }
        catch (InvalidOperationException ex) when (ex.InnerException is FormatException)
        {
            failures.Add(ex.Message);
        }

        try
        {
            _ = sources.Value;
        }
        catch (OptionsValidationException ex)
        {
            failures.AddRange(ex.Failures);
        }
        catch (InvalidOperationException ex) when (ex.InnerException is FormatException)
        {
            failures.Add(ex.Message);
        }

        try
        {
            _ = limits.Value;
        }
        catch (OptionsValidationException ex)
        {
            failures.AddRange(ex.Failures);
        }
        catch (InvalidOperationException ex) when (ex.InnerException is FormatException)
        {
            failures.Add(ex.Message);
        }

        if (failures.Count == 0)
        {
            yield return DoctorResult.Pass("configuration", "valid");
        }
        else
        {
            foreach (var failure in failures)
            {
                yield return DoctorResult.Fail("configuration", failure, "fix the setting in appsettings.json or its FLEETMANAGER__ variable (docs/configuration.md)");
            }
        }
    }
}
