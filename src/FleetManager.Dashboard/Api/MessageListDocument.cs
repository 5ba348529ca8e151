namespace FleetManager.Dashboard.Api;

/// <summary>
/// A page of <c>GET /api/v1/messages</c>, oldest first, with the ledger's totals by class; pass
/// <see cref="NextAfter"/> back as <c>after</c> for the next page (null on the last).
/// </summary>
/// <param name="Rows">The page's messages.</param>
/// <param name="Totals">Messages per class (order, invoice, other, quarantined) and <c>all</c>.</param>
/// <param name="NextAfter">The cursor of the next page.</param>
public sealed record MessageListDocument(IReadOnlyList<MessageSummary> Rows, IReadOnlyDictionary<string, long> Totals, long? NextAfter);
