using FleetManager.Core.Model;

namespace FleetManager.Storage;

/// <summary>
/// Filters for listing orders; every filter left null matches everything. Results are ordered by
/// order id (the order they were committed in).
/// </summary>
public sealed record OrderQuery
{
    /// <summary>First loading date on or after this day.</summary>
    public DateOnly? LoadingFrom { get; init; }

    /// <summary>First loading date on or before this day.</summary>
    public DateOnly? LoadingTo { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country of either end (first loading or last unloading stop), any case.</summary>
    public string? Country { get; init; }

    /// <summary>Text the customer name contains, compared folded (case and diacritics ignored: "lodz" finds "Łódź").</summary>
    public string? CustomerContains { get; init; }

    /// <summary>The reference number, equal ignoring ASCII case.</summary>
    public string? ReferenceNumber { get; init; }

    /// <summary>The order's request type.</summary>
    public RequestType? RequestType { get; init; }

    /// <summary>The classification of the message the order came from.</summary>
    public Classification? Classification { get; init; }

    /// <summary>The Message-ID of the message the order came from, exactly.</summary>
    public string? MessageId { get; init; }

    /// <summary>At most this many orders; null for all of them.</summary>
    public int? Limit { get; init; }

    /// <summary>Skip this many matching orders first (paging).</summary>
    public int Offset { get; init; }

    /// <summary>A query that matches every order.</summary>
    public static OrderQuery All { get; } = new();
}
