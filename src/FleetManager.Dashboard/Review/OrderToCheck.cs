namespace FleetManager.Dashboard.Review;

/// <summary>An order still new whose reading needs a person: what is missing, or why the reader was unsure.</summary>
/// <param name="OrderId">The order's id (its detail page).</param>
/// <param name="Reference">Its reference number, if read.</param>
/// <param name="Customer">Its customer, if read.</param>
/// <param name="Reasons">What to check, in words (missing fields, low confidence and its reason).</param>
public sealed record OrderToCheck(long OrderId, string? Reference, string? Customer, IReadOnlyList<string> Reasons);
