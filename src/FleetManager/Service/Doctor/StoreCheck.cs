using System.Runtime.CompilerServices;
using FleetManager.Storage;
using FleetManager.Service.Store;

namespace FleetManager.Service.Doctor;

/// <summary>
/// The store is reachable at this program's schema version (the same probe readiness uses, read-only and on
/// a fresh connection: the doctor never creates or migrates a database) and, for SQLite, intact: a full
/// <c>PRAGMA integrity_check</c>, because a file with damaged pages still opens and still answers small queries.
/// </summary>
internal sealed class StoreCheck(StoreLocation location, IStoreProbe probe) : IDoctorCheck
{
    public int Order => 200;

    public async IAsyncEnumerable<DoctorResult> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var health = await probe.CheckAsync(cancellationToken).ConfigureAwait(false);
        if (!health.Ok)
        {
            yield return DoctorResult.Fail("store", health.Detail, health.Fix ?? "see docs/operations.md");
            yield break;
        }

        yield return DoctorResult.Pass("store", health.Detail);
        if (OrderStoreFactory.KindOf(location.DatabasePath) == OrderStoreKind.Sqlite)
        {
            yield return Integrity(location.DatabasePath);
        }
    }

    internal static DoctorResult Integrity(string connectionString)
    {
        const string fix = StoreDamagedException.RepairFix;
        try
        {
            return OrderStoreFactory.CheckIntegrity(connectionString) is { } problem
                ? DoctorResult.Fail("store integrity", $"PRAGMA integrity_check failed: {problem}", fix)
                : DoctorResult.Pass("store integrity", "PRAGMA integrity_check: ok");
        }
        catch (OrderBookUnavailableException ex)
        {
            return DoctorResult.Fail("store integrity", $"the file cannot be checked: {ex.Reason}", fix);
        }
    }
}
