namespace FleetManager.Dashboard.Api;

/// <summary>One row of an order's correction audit: both values, who and when.</summary>
/// <param name="Id">The correction's id (a later one of the same field wins).</param>
/// <param name="Field">The spec field name (<c>weight_kg</c>, <c>stops[0].city</c>).</param>
/// <param name="ValueRead">The value before this correction, as text; null when empty.</param>
/// <param name="ValueSet">The value set, as text; null when cleared.</param>
/// <param name="CorrectedBy">Who made it.</param>
/// <param name="CorrectedAt">When, by the server's clock.</param>
public sealed record CorrectionDocument(long Id, string Field, string? ValueRead, string? ValueSet, string CorrectedBy, DateTimeOffset CorrectedAt);
