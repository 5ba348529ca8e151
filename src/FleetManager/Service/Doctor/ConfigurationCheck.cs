using System.Runtime.CompilerServices;
using FleetManager.Core.Options;
using FleetManager.Hosting;
using FleetManager.Mail.Parsing;
using Microsoft.Extensions.Options;
using FleetManager.Service.Sources;

namespace FleetManager.Service.Doctor;

/// <summary>
/// The options validation the service runs at start: <c>Service</c>, <c>Sources</c> and <c>Limits</c> one by one (a value
/// the binder cannot convert in one does not hide the others), then every other check <c>run</c> makes before it starts
/// (the sinks', the geocoder's).
/// </summary>
internal sealed class ConfigurationCheck(IOptions<ServiceOptions> service, IOptions<SourcesOptions> sources, IOptions<MailLimitsOptions> limits, IServiceProvider services) : IDoctorCheck
{
    public int Order => 0;

    public async IAsyncEnumerable<DoctorResult> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        var failures = new List<string>();
        Validate(() => service.Value, failures);
        Validate(() => sources.Value, failures);
        Validate(() => limits.Value, failures);
        Validate(() => failures.AddRange(ValidatedServices.Failures(services)), failures);
        failures = failures.Select(ValidationFailureText.WithoutMemberLabels).Distinct().ToList();

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
    private static void Validate(Func<object> read, List<string> failures) => Validate(() => { _ = read(); }, failures);

    private static void Validate(Action read, List<string> failures)
    {
        try
        {
            read();
        }
        catch (OptionsValidationException ex)
        {
            failures.AddRange(ex.Failures);
        }
        catch (AggregateException ex)
        {
            // Several option types failed at once, not all by validation (a value the binder could not convert too).
            failures.AddRange(ex.Flatten().InnerExceptions.SelectMany(e => e is OptionsValidationException o ? o.Failures : [e.Message]));
        }
        catch (InvalidOperationException ex) when (ex.InnerException is FormatException)
        {
            // A value the binder cannot convert (e.g. "Interval": "soon"): its message names the key.
            failures.Add(ex.Message);
        }
    }
}
