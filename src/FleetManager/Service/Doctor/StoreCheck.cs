using System.Runtime.CompilerServices;
using FleetManager.Core.Pipeline;
using FleetManager.Storage;

namespace FleetManager.Service.Doctor;

/// <summary>The store opens and is migrated (opening it migrates it, exactly as the service would).</summary>
internal sealed class StoreCheck(IOrderBook orderBook, IStoreProbe probe) : IDoctorCheck
{
    public int Order => 200;

    public async IAsyncEnumerable<DoctorResult> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? openProblem = null;
        try
        {
            orderBook.Contains("doctor:probe");
        }
        catch (OrderBookUnavailableException ex)
        {
            openProblem = ex.Message;
        }

        if (openProblem is not null)
        {
            yield return DoctorResult.Fail("store", openProblem, "fix the path or its permissions, or restore the database from a backup (docs/operations.md)");
            yield break;
        }

        var health = await probe.CheckAsync(cancellationToken).ConfigureAwait(false);
        yield return health.Ok
            ? DoctorResult.Pass("store", health.Detail)
            : DoctorResult.Fail("store", health.Detail, health.Fix ?? "see docs/operations.md");
    }
}
