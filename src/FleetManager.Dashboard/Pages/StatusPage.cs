using FleetManager.Dashboard.Hosting;
using FleetManager.Dashboard.Review;
using FleetManager.Dashboard.Security;
using FleetManager.Dashboard.Status;

namespace FleetManager.Dashboard.Pages;

/// <summary>
/// The <c>/healthz/status</c> data for people: health, version, each source (last poll, lag, who holds its lease),
/// outbox depth per sink, model calls; and the order book's own totals, which <c>serve</c> (no sources) shows alone.
/// </summary>
public static class StatusPage
{
    public static string Render(ServiceStatusView? service, BookFacts book, DashboardUser user)
    {
        ArgumentNullException.ThrowIfNull(book);
        var html = new HtmlBuilder();
        html.Add($"""<h1>Status</h1>""");
        if (service is null)
        {
            html.Add($"""
                <p id="no-sources" class="notice">No mail sources are configured here: this is <code>fleetmanager serve</code> over an order book.
                <code>fleetmanager run</code> polls the sources in Sources and shows them here.</p>
                """);
        }
        else
        {
            html.Add($"""
                <p class="summary">Health <span class="badge health-{service.Health.ToLowerInvariant()}" id="health">{service.Health.ToLowerInvariant()}</span>
                · version <span id="version">{service.Version}</span>{(service.Commit is { } commit ? " (" + commit + ")" : "")} · started {DashboardTime.Minute(service.StartedAt)}</p>
                <h2>Sources</h2>
                """);
            if (service.Sources.Count == 0)
            {
                html.Add($"""<p class="meta">No sources are configured.</p>""");
            }
            else
            {
                html.Add($"""
                    <table id="sources"><thead><tr><th scope="col">Source</th><th scope="col">Kind</th><th scope="col">State</th><th scope="col">Last poll</th>
                    <th scope="col">Last success</th><th scope="col">Lag</th><th scope="col">Lease holder</th><th scope="col">Failures</th><th scope="col">Backlog</th></tr></thead><tbody>
                    """);
                foreach (var source in service.Sources)
                {
                    html.Add($"""
                        <tr><td>{source.Name}</td><td>{source.Kind}</td><td>{source.Activity}</td><td class="num">{DashboardTime.Minute(source.LastAttempt)}</td>
                        <td class="num last-success">{DashboardTime.Minute(source.LastSuccess)}</td><td class="num">{DashboardTime.Span(source.Lag)}</td><td>{source.LeaseHolder}</td>
                        <td class="num">{source.ConsecutiveFailures}{(source.Error is { } error ? " — " + error : "")}</td><td class="num">{source.Backlog}</td></tr>
                        """);
                }

                html.Add($"""</tbody></table>""");
            }

            html.Add($"""
                <h2>Model calls</h2>
                <p id="model">Reader <strong>{service.Model.Reader}</strong>: {service.Model.Calls} calls since start ({service.Model.FailedCalls} failed),
                {service.Model.InputTokens} tokens in, {service.Model.OutputTokens} out. Quota: {service.Model.Quota ?? "none configured"}.</p>
                """);
        }

        html.Add($"""
            <h2>Outbox</h2>
            """);
        if (book.Outbox.Count == 0)
        {
            html.Add($"""<p class="meta">No sinks are configured (Sheets): nothing waits.</p>""");
        }
        else
        {
            html.Add($"""<table id="outbox"><thead><tr><th scope="col">Sink</th><th scope="col">Waiting</th><th scope="col">Last push</th><th scope="col">Last error</th></tr></thead><tbody>""");
            foreach (var (sink, depth) in book.Outbox)
            {
                var pushed = service?.Sinks.FirstOrDefault(s => s.Name == sink);
                html.Add($"""<tr><td>{sink}</td><td class="num">{depth}</td><td class="num">{DashboardTime.Minute(pushed?.LastPush)}</td><td>{pushed?.Error}</td></tr>""");
            }

            html.Add($"""</tbody></table>""");
        }

        var counts = book.Counts;
        html.Add($"""
            <h2>Order book</h2>
            <table id="book" aria-label="Order book"><tbody>
            <tr><th scope="row">Database</th><td>{book.Kind}, schema version {book.SchemaVersion}</td></tr>
            <tr><th scope="row">Messages</th><td><span id="book-messages">{counts.Total}</span> ({counts.Processed} processed, {counts.Quarantined} quarantined)</td></tr>
            <tr><th scope="row">By class</th><td>{string.Join(", ", counts.ByClassification.Select(p => $"{p.Value} {MessageActions.Name(p.Key)}"))}</td></tr>
            <tr><th scope="row">Orders</th><td id="book-orders">{counts.Orders}</td></tr>
            </tbody></table>
            """);
        return PageLayout.Render("Status", user, html);
    }
}
