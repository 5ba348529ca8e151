using System.Globalization;
using FleetManager.Core.Model;
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
    public static IReadOnlyList<string> SortColumns { get; } = ["id", "reference_number", "customer", "loading_date", "unloading_date", "weight_kg"];

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
        return new OrderListQuery
        {
            Search = string.IsNullOrWhiteSpace(query["q"]) ? null : query["q"].ToString().Trim(),
            Statuses = statuses,
            RequestType = SpecVocabulary.RequestTypes.Find(query["type"].ToString()),
            From = Date(query["from"]),
            To = Date(query["to"]),
            Countries = countries,
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

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
