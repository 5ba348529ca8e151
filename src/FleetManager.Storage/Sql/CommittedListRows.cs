using FleetManager.Core.Model;
using FleetManager.Storage.Corrections;

namespace FleetManager.Storage.Sql;

/// <summary>
/// The <c>order_list</c> rows of orders this instance committed and the list has not caught up with yet, derived from the
/// orders in memory at their commit: the catch-up (<see cref="OrderListIndex.SyncAsync"/>) writes these instead of reading
/// each order's JSON back and parsing it (the larger part of what the catch-up cost an import; docs/benchmarks.md).
/// </summary>
/// <remarks>
/// <para>Only a cache: the book stays the truth. An order missing here (committed by another process or instance, by this
/// one before a restart, or beyond <see cref="Capacity"/>) is read back as before, so a crash between a commit and the
/// catch-up loses nothing. A row is derived as a new, uncorrected order; the catch-up reads it back instead when the order
/// has a correction or a status by then.</para>
/// <para>Commits and the catch-up may run on different threads (PostgreSQL's store has no gate), hence the lock.</para>
/// </remarks>
internal sealed class CommittedListRows
{
    /// <summary>
    /// Rows kept at most (~0.5 KB each, their strings shared with nothing else): an import of many more orders than this
    /// between two catch-ups reads the rest back rather than holding every row in memory until its end.
    /// </summary>
    public const int Capacity = 20_000;

    private readonly Dictionary<long, OrderListRow> _rows = [];
    private readonly Lock _lock = new();

    /// <summary>How many rows are waiting for the catch-up.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _rows.Count;
            }
        }
    }

    /// <summary>Derives and keeps the rows of orders whose transaction has just committed (never before: a rolled back order must not be listed).</summary>
    public void Record(IReadOnlyList<CommittedOrder> committed)
    {
        if (committed.Count == 0)
        {
            return;
        }

        // Derived outside the lock: the derivation is the costly part and touches nothing shared.
        var rows = new OrderListRow[committed.Count];
        for (var i = 0; i < committed.Count; i++)
        {
            var (orderId, ledgerKey, sourceKey, index, order) = committed[i];
            rows[i] = OrderListRow.Derive(orderId, ledgerKey, index, sourceKey, order, OrderStatus.New, 0);
        }

        lock (_lock)
        {
            foreach (var row in rows)
            {
                if (_rows.Count >= Capacity)
                {
                    return;
                }

                _rows[row.OrderId] = row;
            }
        }
    }

    /// <summary>Takes the row of <paramref name="orderId"/> out when one is kept.</summary>
    public bool TryTake(long orderId, out OrderListRow row)
    {
        lock (_lock)
        {
            return _rows.Remove(orderId, out row!);
        }
    }

    /// <summary>Drops the rows of orders up to <paramref name="orderId"/>: listed already (by another instance) or gone.</summary>
    public void ForgetThrough(long orderId)
    {
        lock (_lock)
        {
            if (_rows.Count == 0)
            {
                return;
            }

            foreach (var id in _rows.Keys.Where(id => id <= orderId).ToList())
            {
                _rows.Remove(id);
            }
        }
    }
}
