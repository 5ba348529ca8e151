namespace FleetManager.Storage.Corrections;

/// <summary>One field a person changed on an order: both values, who and when (the audit trail shown on the order).</summary>
/// <param name="Id">The correction's id (increasing: a later row for the same field wins).</param>
/// <param name="OrderId">The order's id in the order book.</param>
/// <param name="Field">The spec field name (<c>weight_kg</c>, <c>stops[0].city</c>; see <see cref="OrderFieldEditor"/>).</param>
/// <param name="ValueRead">The value before this correction, as text (null: empty).</param>
/// <param name="ValueSet">The value the person set, as text (null: cleared).</param>
/// <param name="CorrectedBy">The user who made it (<c>local</c> for a loopback user, else the authenticated name).</param>
/// <param name="CorrectedAt">When, by the server's clock.</param>
public sealed record OrderCorrection(
    long Id,
    long OrderId,
    string Field,
    string? ValueRead,
    string? ValueSet,
    string CorrectedBy,
    DateTimeOffset CorrectedAt);
