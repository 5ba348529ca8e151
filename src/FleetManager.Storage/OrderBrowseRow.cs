using FleetManager.Storage.Corrections;

namespace FleetManager.Storage;

/// <summary>One order of the list: corrections applied, its status, whether it needs review, and how many corrections it has.</summary>
/// <remarks>The list does not read the fields' evidence: <c>Order.Order.Sources</c> is empty (<see cref="IOrderStore.GetOrder"/> has it).</remarks>
public sealed record OrderBrowseRow(StoredOrder Order, OrderStatus Status, bool NeedsReview, int CorrectionCount);
