namespace FleetManager.Service.Doctor;

/// <summary>
/// One check of <c>fleetmanager doctor</c>. Each area adds its own as a small class registered with
/// <c>services.AddSingleton&lt;IDoctorCheck, T&gt;()</c>; a check may report several lines (one per file, per endpoint).
/// </summary>
public interface IDoctorCheck
{
    /// <summary>Checks run in this order (lower first): configuration 0, files 100, store 200, network 300.</summary>
    int Order { get; }

    IAsyncEnumerable<DoctorResult> RunAsync(CancellationToken cancellationToken);
}
