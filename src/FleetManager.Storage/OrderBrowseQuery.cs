using FleetManager.Core.Model;
using FleetManager.Storage.Corrections;

namespace FleetManager.Storage;

/// <summary>
/// One view of the orders list (the dashboard's orders page), answered in SQL on the corrected orders by
/// <see cref="IOrderStore.BrowseOrdersAsync"/>: search, filters, sort and the keyset page. Filters left null or empty match everything.
/// </summary>
public sealed record OrderBrowseQuery
{
    /// <summary>The sortable columns (export column names); <c>id</c> is the order they were committed in.</summary>
    public static IReadOnlyList<string> SortColumns { get; } = ["id", "reference_number", "customer", "loading_date", "unloading_date", "weight_kg"];

    /// <summary>
    /// Text that the reference, customer, cargo, or a stop's company, address, postal code or city contains (case and
    /// accents ignored). Control characters become spaces: none is in the searched text, and a NUL inside SQLite's
    /// full-text query ended it early ("unterminated string", a 500 for <c>?q=a%00b</c>).
    /// </summary>
    public string? Search
    {
        get => _search;
        init => _search = value is null ? null : new string(value.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
    }

    private readonly string? _search;

    /// <summary>Whether <paramref name="cursor"/> is one <see cref="OrderBrowsePage.NextCursor"/> writes (a malformed one is ignored: the first page).</summary>
    public static bool IsCursor(string cursor) => ParseCursor(cursor) is not null;

    /// <summary>A cursor <c>ID.SORTVALUE</c> (as <see cref="OrderBrowsePage.NextCursor"/> writes it); null when malformed.</summary>
    internal static (long Id, string Value)? ParseCursor(string cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var dot = cursor.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && long.TryParse(cursor.AsSpan(0, dot), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? (id, cursor[(dot + 1)..])
            : null;
    }

    /// <summary>Any of these statuses (an order without a status row is new).</summary>
    public IReadOnlyList<OrderStatus> Statuses { get; init; } = [];

    /// <summary>The order's request type.</summary>
    public RequestType? RequestType { get; init; }

    /// <summary>First loading date on or after this day.</summary>
    public DateOnly? LoadingFrom { get; init; }

    /// <summary>First loading date on or before this day.</summary>
    public DateOnly? LoadingTo { get; init; }

    /// <summary>Countries (ISO alpha-2, upper case) of either end; any of them matches.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>The lane's start: the first loading stop's country (ISO alpha-2, upper case).</summary>
    public string? LaneFrom { get; init; }

    /// <summary>The lane's end: the last unloading stop's country (ISO alpha-2, upper case).</summary>
    public string? LaneTo { get; init; }

    /// <summary>The mailbox the message came from: the start of its source key (<c>imap://ops@mail.example/INBOX</c>, <c>folder:/mail</c>).</summary>
    public string? Source { get; init; }

    /// <summary>Only orders that still need a person's check (<see cref="OrderReviewNeed"/>).</summary>
    public bool NeedsReview { get; init; }

    /// <summary>Only orders whose reader gave an overall confidence below this (0–1); orders without one never match.</summary>
    public double? ConfidenceBelow { get; init; }

    /// <summary>One of <see cref="SortColumns"/>.</summary>
    public string Sort { get; init; } = "id";

    /// <summary>Largest first.</summary>
    public bool Descending { get; init; }

    /// <summary>The keyset cursor of the page (from <see cref="OrderBrowsePage.NextCursor"/>); null for the first page.</summary>
    public string? After { get; init; }

    /// <summary>The largest count <see cref="CountLimit"/> has by default: the orders page shows "10,000+" beyond it.</summary>
    public const int DefaultCountLimit = 10_000;

    /// <summary>
    /// Count matching orders up to this many (<see cref="OrderBrowsePage.TotalCapped"/> when more match), so a broad
    /// view does not count 100,000 matches on every page view; null counts every match.
    /// </summary>
    public int? CountLimit { get; init; } = DefaultCountLimit;

    /// <summary>Orders per page; null for every matching order (an export of the view).</summary>
    public int? Limit { get; init; }
}
