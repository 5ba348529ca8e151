using System.Globalization;
using FleetManager.Core.Model;
using FleetManager.Dashboard.Orders;
using FleetManager.Storage;
using FleetManager.Storage.Corrections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;

namespace FleetManager.Dashboard.Api;

/// <summary>
/// The query parameters of <c>GET /api/v1/orders</c>: the orders page's own (docs/dashboard.md), read by the same
/// <see cref="Orders.OrderListQuery.Parse"/>, plus <c>limit</c>. Declared here so the OpenAPI document lists them.
/// </summary>
public sealed class OrderListParameters
{
    /// <summary>Search text: reference, customer, a stop's company, address, postal code or city, cargo (case and accents ignored).</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>Statuses (repeat it or separate with commas): new, reviewed, assigned, in_transit, delivered, cancelled.</summary>
    [FromQuery(Name = "status")]
    public string[]? Status { get; init; }

    /// <summary>Request type: booking, quote_request or load_offer.</summary>
    [FromQuery(Name = "type")]
    public string? Type { get; init; }

    /// <summary>First loading date on or after (YYYY-MM-DD).</summary>
    [FromQuery(Name = "from")]
    public string? From { get; init; }

    /// <summary>First loading date on or before (YYYY-MM-DD).</summary>
    [FromQuery(Name = "to")]
    public string? To { get; init; }

    /// <summary>Countries of either end (ISO alpha-2; repeat it or separate with commas).</summary>
    [FromQuery(Name = "country")]
    public string[]? Country { get; init; }

    /// <summary>Lane: first loading country to last unloading country, such as DE-PL (either side may be left out).</summary>
    [FromQuery(Name = "lane")]
    public string? Lane { get; init; }

    /// <summary>Mailbox: the start of the message's source key (imap://ops@mail.example/INBOX, folder:/mail).</summary>
    [FromQuery(Name = "source")]
    public string? Source { get; init; }

    /// <summary>1: only orders that need review.</summary>
    [FromQuery(Name = "review")]
    public string? Review { get; init; }

    /// <summary>Only orders read with a confidence below this (0–1).</summary>
    [FromQuery(Name = "below")]
    public string? Below { get; init; }

    /// <summary>Sort column: id, reference_number, customer, loading_date, unloading_date, weight_kg.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>desc: largest first.</summary>
    [FromQuery(Name = "dir")]
    public string? Dir { get; init; }

    /// <summary>The keyset cursor: next_cursor of the previous page.</summary>
    [FromQuery(Name = "after")]
    public string? After { get; init; }

    /// <summary>Orders per page, 1–500 (default Dashboard:PageSize).</summary>
    [FromQuery(Name = "limit")]
    public string? Limit { get; init; }

    /// <summary>
    /// What is wrong with the values, by parameter (empty when nothing is). The page ignores a value it cannot read so
    /// that a hand-edited link still shows a page; an API client is told instead, or "from=2026-12-1" would silently
    /// answer every order.
    /// </summary>
    public Dictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(From) && OrderListQuery.Date(From) is null)
        {
            problems["from"] = $"from: expected a date as YYYY-MM-DD, not '{From}'.";
        }

        if (!string.IsNullOrEmpty(To) && OrderListQuery.Date(To) is null)
        {
            problems["to"] = $"to: expected a date as YYYY-MM-DD, not '{To}'.";
        }

        if (!string.IsNullOrEmpty(Type) && SpecVocabulary.RequestTypes.Find(Type) is null)
        {
            problems["type"] = $"type: expected booking, quote_request or load_offer, not '{Type}'.";
        }

        var unknownStatus = (Status ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .FirstOrDefault(v => !OrderStatusNames.TryParse(v, out _));
        if (unknownStatus is not null)
        {
            problems["status"] = $"status: '{unknownStatus}' is not one of {string.Join(", ", OrderStatusNames.All.Select(OrderStatusNames.Of))}.";
        }

        if (!string.IsNullOrEmpty(Sort) && !OrderListQuery.SortColumns.Contains(Sort, StringComparer.Ordinal))
        {
            problems["sort"] = $"sort: expected one of {string.Join(", ", OrderListQuery.SortColumns)}, not '{Sort}'.";
        }

        if (!string.IsNullOrEmpty(Dir) && Dir is not ("asc" or "desc"))
        {
            problems["dir"] = $"dir: expected asc or desc, not '{Dir}'.";
        }

        if (!string.IsNullOrEmpty(Below) && !(double.TryParse(Below, NumberStyles.Float, CultureInfo.InvariantCulture, out var below) && below is > 0 and <= 1))
        {
            problems["below"] = $"below: expected a confidence above 0 and at most 1, not '{Below}'.";
        }

        if (!string.IsNullOrEmpty(After) && !OrderBrowseQuery.IsCursor(After))
        {
            // Read as "no cursor", a damaged one would answer the first page again: a client paging on would loop.
            problems["after"] = "after: expected the next_cursor of the previous page, unchanged.";
        }

        return problems;
    }

    /// <summary>The parameters as the query collection the orders page parses.</summary>
    public IQueryCollection ToQuery()
    {
        var values = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        void Put(string name, string? value)
        {
            if (value is not null)
            {
                values[name] = value;
            }
        }

        Put("q", Q);
        if (Status is { Length: > 0 })
        {
            values["status"] = Status;
        }

        Put("type", Type);
        Put("from", From);
        Put("to", To);
        if (Country is { Length: > 0 })
        {
            values["country"] = Country;
        }

        Put("lane", Lane);
        Put("source", Source);
        Put("review", Review);
        Put("below", Below);
        Put("sort", Sort);
        Put("dir", Dir);
        Put("after", After);
        return new QueryCollection(values);
    }
}
