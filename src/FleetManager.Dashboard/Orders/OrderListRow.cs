using FleetManager.Storage;
using FleetManager.Storage.Corrections;

namespace FleetManager.Dashboard.Orders;

/// <summary>One order as the list shows it: corrections applied, its status, whether it needs review, and how many fields were corrected.</summary>
public sealed record OrderListRow(StoredOrder Stored, OrderReview Review, bool NeedsReview, int CorrectionCount);
