using System.Globalization;
using FleetManager.Core.Model;
using FleetManager.Storage;
using FleetManager.Storage.Corrections;
using Microsoft.AspNetCore.Http;

namespace FleetManager.Dashboard.Orders;

/// <summary>
/// What the orders page shows, as its query string says (so a view is a link, and reading needs no script):
/// search text, filters, sort and the keyset cursor of the page.
/// </summary>
public sealed record OrderListQuery
{
    /// <summary>Sortable columns (export column names).</summary>
    public static IReadOnlyList<string> SortColumns => OrderBrowseQuery.SortColumns;

    /// <summary>Folded text that the reference, customer, a stop's company, address, postal code or city, or the cargo contains.</summary>
    public string? Search { get; init; }

    public IReadOnlyList<OrderStatus> Statuses { get; init; } = [];

    public RequestType? RequestType { get; init; }

    /// <summary>First loading date on or after.</summary>
    public DateOnly? From { get; init; }

    /// <summary>First loading date on or before.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Countries (ISO alpha-2) of either end; any of them matches.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>The lane's loading country (first loading stop, ISO alpha-2); from <c>lane=DE-PL</c> (either side may be left out).</summary>
    public string? LaneFrom { get; init; }

    /// <summary>The lane's unloading country (last unloading stop, ISO alpha-2).</summary>
    public string? LaneTo { get; init; }

    /// <summary>The mailbox: what the message's source key starts with (<c>source=imap://ops@mail.example/INBOX</c>).</summary>
    public string? Source { get; init; }

    /// <summary>Only orders read with an overall confidence below this (<c>below=0.6</c>, 0–1).</summary>
    public double? ConfidenceBelow { get; init; }

    /// <summary>Only orders that still need a person's check (see <see cref="OrderBrowser.NeedsReview"/>).</summary>
    public bool NeedsReview { get; init; }

    public string Sort { get; init; } = "id";

    public bool Descending { get; init; }

    /// <summary>The keyset cursor: the sort value and id of the last row of the previous page.</summary>
    public string? After { get; init; }

    /// <summary>Reads the query string; unknown values are ignored (a hand-edited link still shows a page).</summary>
    public static OrderListQuery Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var statuses = query["status"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(s => OrderStatusNames.TryParse(s, out var status) ? status : (OrderStatus?)null).OfType<OrderStatus>().Distinct().ToList();
        var countries = query["country"].SelectMany(v => (v ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(c => c.Length == 2).Select(c => c.ToUpperInvariant()).Distinct().ToList();
        var sort = query["sort"].ToString();
        var lane = query["lane"].ToString().Split('-', 2, StringSplitOptions.TrimEntries);
        var below = double.TryParse(query["below"], NumberStyles.Float, CultureInfo.InvariantCulture, out var confidence) && confidence is > 0 and <= 1 ? confidence : (double?)null;
        return new OrderListQuery
        {
            Search = string.IsNullOrWhiteSpace(query["q"]) ? null : query["q"].ToString().Trim(),
            Statuses = statuses,
            RequestType = SpecVocabulary.RequestTypes.Find(query["type"].ToString()),
            From = Date(query["from"]),
            To = Date(query["to"]),
            Countries = countries,
            LaneFrom = Country(lane[0]),
            LaneTo = lane.Length > 1 ? Country(lane[1]) : null,
            Source = string.IsNullOrWhiteSpace(query["source"]) ? null : query["source"].ToString().Trim(),
            ConfidenceBelow = below,
            NeedsReview = query["review"] == "1",
            Sort = SortColumns.Contains(sort, StringComparer.Ordinal) ? sort : "id",
            Descending = query["dir"] == "desc",
            After = string.IsNullOrEmpty(query["after"]) ? null : query["after"].ToString(),
        };
    }

    /// <summary>The query string of this view (without the cursor unless <paramref name="after"/> is given), for links.</summary>
    public string ToQueryString(string? after = null, string? sort = null, bool? descending = null)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (Search is not null)
        {
            pairs.Add(new("q", Search));
        }

        foreach (var status in Statuses)
        {
            pairs.Add(new("status", OrderStatusNames.Of(status)));
        }

        if (RequestType is { } type)
        {
            pairs.Add(new("type", SpecVocabulary.RequestTypes.Of(type)));
        }

        if (From is { } from)
        {
            pairs.Add(new("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (To is { } to)
        {
            pairs.Add(new("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (Countries.Count > 0)
        {
            pairs.Add(new("country", string.Join(',', Countries)));
        }

        if (Lane is { } lane)
        {
            pairs.Add(new("lane", lane));
        }

        if (Source is not null)
        {
            pairs.Add(new("source", Source));
        }

        if (ConfidenceBelow is { } below)
        {
            pairs.Add(new("below", below.ToString(CultureInfo.InvariantCulture)));
        }

        if (NeedsReview)
        {
            pairs.Add(new("review", "1"));
        }

        var sortBy = sort ?? Sort;
        if (sortBy != "id")
        {
            pairs.Add(new("sort", sortBy));
        }

        if (descending ?? Descending)
        {
            pairs.Add(new("dir", "desc"));
        }

        if (after is not null)
        {
            pairs.Add(new("after", after));
        }

        return QueryString.Create(pairs).ToUriComponent();
    }

    /// <summary>The lane as the form writes it (<c>DE-PL</c>, <c>DE-</c>, <c>-PL</c>); null when neither end is set.</summary>
    public string? Lane => LaneFrom is null && LaneTo is null ? null : $"{LaneFrom}-{LaneTo}";

    private static string? Country(string text) =>
        text.Length == 2 && text.All(char.IsAsciiLetter) ? text.ToUpperInvariant() : null;

    /// <summary>A date as the page and the API take it (YYYY-MM-DD), or null.</summary>
    internal static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
