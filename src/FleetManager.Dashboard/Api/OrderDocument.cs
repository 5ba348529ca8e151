using FleetManager.Core.Model;

namespace FleetManager.Dashboard.Api;

/// <summary>
/// <c>GET /api/v1/orders/{id}</c>: one order in the spec's shape with corrections applied, the reader's confidence,
/// each field's evidence in the message, its status and the correction audit (newest first).
/// </summary>
/// <param name="Id">The order's id.</param>
/// <param name="OrderIndex">Its position within its message (0-based).</param>
/// <param name="Status">new, reviewed, assigned, in_transit, delivered or cancelled.</param>
/// <param name="StatusChangedBy">Who set the status; null while nobody did.</param>
/// <param name="StatusChangedAt">When the status was set.</param>
/// <param name="NeedsReview">True while the order is new and a required field is missing or the reader was unsure.</param>
/// <param name="Message">The message it was read from.</param>
/// <param name="Order">The order in the spec's Order shape (order-format.md), corrections applied; <c>x_confidence</c> as the reader gave it.</param>
/// <param name="Confidence">How sure the reader was, of the order and of each field (null for a reader that gives none).</param>
/// <param name="Evidence">For each field read (spec names, stops as <c>stops[0].city</c>), where in the message's analysed text it was read.</param>
/// <param name="Corrections">The correction audit, newest first.</param>
public sealed record OrderDocument(
    long Id,
    int OrderIndex,
    string Status,
    string? StatusChangedBy,
    DateTimeOffset? StatusChangedAt,
    bool NeedsReview,
    MessageSummary Message,
    TransportOrder Order,
    OrderConfidence? Confidence,
    IReadOnlyDictionary<string, FieldEvidence> Evidence,
    IReadOnlyList<CorrectionDocument> Corrections);
