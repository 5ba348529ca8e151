using FleetManager.Core.Model;

namespace FleetManager.Storage.Sql;

/// <summary>An order a ledger writer has written in its open transaction, with the id the book gave it: handed to <see cref="CommittedListRows"/> once that transaction commits.</summary>
internal readonly record struct CommittedOrder(long OrderId, string LedgerKey, string SourceKey, int OrderIndex, TransportOrder Order);
