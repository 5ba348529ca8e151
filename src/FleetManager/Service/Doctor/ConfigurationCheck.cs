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
        Validate(() => service.Value, failures);
        Validate(() => sources.Value, failures);
        Validate(() => limits.Value, failures);

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

    // Reading an options value runs its validators: every section is read so that one run reports all of them.
    private static void Validate(Func<object> read, List<string> failures)
    {
        try
        {
            _ = read();
        }
        catch (OptionsValidationException ex)
        {
            failures.AddRange(ex.Failures);
        }
        catch (InvalidOperationException ex) when (ex.InnerException is FormatException)
        {
            // A value the binder cannot convert (e.g. "Interval": "soon"): its message names the key.
            failures.Add(ex.Message);
        }
    }
}
