using System.Globalization;
using FleetManager.Core.Model;
using FleetManager.Dashboard.Orders;
using FleetManager.Dashboard.Security;
using FleetManager.Storage.Corrections;

namespace FleetManager.Dashboard.Pages;

/// <summary>The orders list: search and filter form (a plain GET form; htmx swaps the table in place when scripts run), the table, paging and exports.</summary>
public static class OrdersPage
{
    public static string Render(OrderListQuery query, OrderListPage page, DashboardUser user, bool tableOnly)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        var html = new HtmlBuilder();
        if (!tableOnly)
        {
            html.Add($"""
                <h1>Orders</h1>
                <form class="filters" method="get" action="/orders" hx-get="/orders" hx-target="#results" hx-select="#results" hx-swap="outerHTML" hx-push-url="true" hx-trigger="submit, change from:select, search from:input[type=search]">
                <label>Search <input type="search" name="q" value="{query.Search}" placeholder="reference, company, place, cargo"></label>
                <label>Status <select name="status"><option value="">any</option>
                """);
            foreach (var status in OrderStatusNames.All)
            {
                var name = OrderStatusNames.Of(status);
                html.Add($"""<option value="{name}"{Selected(query.Statuses.Contains(status))}>{name.Replace('_', ' ')}</option>""");
            }

            html.Add($"""</select></label><label>Request type <select name="type"><option value="">any</option>""");
            foreach (var type in Enum.GetValues<RequestType>())
            {
                var name = SpecVocabulary.RequestTypes.Of(type);
                html.Add($"""<option value="{name}"{Selected(query.RequestType == type)}>{name.Replace('_', ' ')}</option>""");
            }

            html.Add($"""
                </select></label>
                <label>Loading from <input type="date" name="from" value="{query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"></label>
                <label>to <input type="date" name="to" value="{query.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"></label>
                <label>Countries <input type="text" name="country" value="{string.Join(',', query.Countries)}" placeholder="DE,PL" size="8"></label>
                <label>Lane <input type="text" name="lane" value="{query.Lane}" placeholder="DE-PL" size="6"></label>
                <label>Mailbox <input type="text" name="source" value="{query.Source}" placeholder="imap://ops@…/INBOX" size="14"></label>
                <label>Confidence below <input type="number" name="below" value="{query.ConfidenceBelow?.ToString(CultureInfo.InvariantCulture)}" min="0" max="1" step="0.05" placeholder="0.6"></label>
                <label class="check"><input type="checkbox" name="review" value="1"{Checked(query.NeedsReview)}> needs review</label>
                <input type="hidden" name="sort" value="{query.Sort}">
                {new HtmlContent(query.Descending ? "<input type=\"hidden\" name=\"dir\" value=\"desc\">" : "")}
                <button type="submit">Show</button>
                </form>
                """);
        }

        html.Add($"""
            <section id="results">
            <p class="summary"><span id="total">{TotalText(page)}</span> orders match{(page.TotalCapped ? " (counted up to there; narrow the search or filters for an exact count)" : "")}.
            Export this view: <a href="/orders/export.csv{query.ToQueryString()}">CSV</a> · <a href="/orders/export.xlsx{query.ToQueryString()}">XLSX</a></p>
            <table class="orders"><thead><tr>
            """);
        foreach (var (column, label) in Columns)
        {
            if (OrderListQuery.SortColumns.Contains(column, StringComparer.Ordinal))
            {
                var descending = query.Sort == column && !query.Descending;
                var arrow = query.Sort == column ? (query.Descending ? " ▼" : " ▲") : "";
                html.Add($"""<th scope="col"><a href="/orders{query.ToQueryString(sort: column, descending: descending)}">{label}{arrow}</a></th>""");
            }
            else
            {
                html.Add($"""<th scope="col">{label}</th>""");
            }
        }

        html.Add($"</tr></thead><tbody>");
        // Each cell as the store's list row holds it (OrderListEntry: first loading and last unloading stop, dates
        // yyyy-MM-dd, weight and price in the invariant culture), so a page view parses no order.
        foreach (var row in page.Rows)
        {
            var status = OrderStatusNames.Of(row.Status);
            html.Add($"""
                <tr data-order-id="{row.Id}"><td><a href="/orders/{row.Id}">{row.Id}</a></td>
                <td>{row.ReferenceNumber}</td><td>{row.RequestType}</td><td>{row.Customer}</td>
                <td>{row.LoadingCity}</td><td>{row.LoadingCountry}</td><td>{row.LoadingDate}</td>
                <td>{row.UnloadingCity}</td><td>{row.UnloadingCountry}</td><td>{row.UnloadingDate}</td>
                <td>{row.CargoDescription}</td><td class="num">{row.WeightKg}</td><td>{row.VehicleType}</td>
                <td class="num">{row.Price}</td>
                <td><span class="badge status-{status}">{status.Replace('_', ' ')}</span>{new HtmlContent(row.NeedsReview ? " <span class=\"badge review\">needs review</span>" : "")}{new HtmlContent(row.CorrectionCount > 0 ? " <span class=\"badge corrected\">corrected</span>" : "")}</td>
                <td class="num">{row.Confidence?.ToString("0.00", CultureInfo.InvariantCulture)}</td></tr>
                """);
        }

        html.Add($"</tbody></table>");
        if (page.Rows.Count == 0)
        {
            html.Add($"<p>No orders match this view.</p>");
        }

        html.Add($"""<nav class="pager" aria-label="Pages">""");
        if (query.After is not null)
        {
            html.Add($"""<a href="/orders{query.ToQueryString()}">First page</a> """);
        }

        if (page.NextCursor is { } next)
        {
            html.Add($"""<a rel="next" href="/orders{query.ToQueryString(after: next)}">Next page</a>""");
        }

        html.Add($"</nav></section>");
        return tableOnly ? html.ToString() : PageLayout.Render("Orders", user, html);
    }

    private static readonly (string Column, string Label)[] Columns =
    [
        ("id", "id"), ("reference_number", "reference_number"), ("request_type", "request_type"), ("customer", "customer"),
        ("loading_city", "loading_city"), ("loading_country", "loading_country"), ("loading_date", "loading_date"),
        ("unloading_city", "unloading_city"), ("unloading_country", "unloading_country"), ("unloading_date", "unloading_date"),
        ("cargo_description", "cargo_description"), ("weight_kg", "weight_kg"), ("vehicle_type", "vehicle_type"),
        ("price", "price"), ("status", "status"), ("confidence", "confidence"),
    ];

    // A capped count (the store stopped counting there) reads "10,000+", so the page never claims an exact number it did not count.
    private static string TotalText(OrderListPage page) =>
        page.TotalCapped ? page.Total.ToString("N0", CultureInfo.InvariantCulture) + "+" : page.Total.ToString(CultureInfo.InvariantCulture);

    private static HtmlContent Selected(bool selected) => new(selected ? " selected" : "");

    private static HtmlContent Checked(bool isChecked) => new(isChecked ? " checked" : "");
}
