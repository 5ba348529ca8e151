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
