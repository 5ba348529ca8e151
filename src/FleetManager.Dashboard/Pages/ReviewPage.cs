using System.Globalization;
using FleetManager.Dashboard.Review;
using FleetManager.Dashboard.Security;

namespace FleetManager.Dashboard.Pages;

/// <summary>
/// The review queue: quarantined messages (reason, "reprocess" for admins), orders to check (missing required
/// fields, low confidence), stops the geocoder could not place, and sinks with undelivered rows with the rows that keep
/// failing ("retry").
/// </summary>
public static class ReviewPage
{
    public static string Render(ReviewQueue queue, DashboardUser user, string antiforgeryToken, bool mayRead, bool mayPush, string? notice)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(user);
        var inv = CultureInfo.InvariantCulture;
        var admin = user.Role >= DashboardRole.Admin;
        var html = new HtmlBuilder();
        html.Add($"""<h1>Review queue</h1>""");
        if (notice is not null)
        {
            html.Add($"""<p class="notice" role="status">{notice}</p>""");
        }

        html.Add($"""
            <nav class="sections" aria-label="Sections"><a href="#quarantined">Quarantined ({queue.QuarantinedTotal})</a>
            <a href="#to-check">Orders to check ({queue.OrdersTotal})</a> <a href="#unplaced">Not on the map ({queue.UnplacedTotal})</a>
            <a href="#outbox">Outbox ({queue.Sinks.Count})</a></nav>
            <section aria-labelledby="quarantined"><h2 id="quarantined">Quarantined messages <span class="badge">{queue.QuarantinedTotal}</span></h2>
            """);
        if (queue.Quarantined.Count == 0)
        {
            html.Add($"""<p class="meta">No quarantined messages.</p>""");
        }
        else
        {
            if (!mayRead)
            {
                html.Add($"""<p class="meta">Reading again is not available here; run <code>fleetmanager reprocess --quarantined</code>.</p>""");
            }
            else if (!admin)
            {
                html.Add($"""<p class="meta">Reading a message again needs the admin role (Dashboard:Admins).</p>""");
            }

            html.Add($"""
                <table class="queue" id="quarantined-table"><thead><tr><th scope="col">Message</th><th scope="col">From</th><th scope="col">Received</th><th scope="col">Reason</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead><tbody>
                """);
            foreach (var entry in queue.Quarantined)
            {
                html.Add($"""
                    <tr data-ledger-id="{entry.Id}"><td><a href="/messages/{entry.Id}">{entry.Subject ?? entry.MessageId}</a></td><td>{entry.From}</td>
                    <td class="num">{DashboardTime.Minute(entry.ReceivedAt ?? entry.ProcessedAt)}</td><td class="reason">{entry.Error}</td><td>
                    """);
                if (mayRead && admin)
                {
                    html.Add($"""
                        <form method="post" action="/messages/{entry.Id}/reprocess"><input type="hidden" name="__RequestVerificationToken" value="{antiforgeryToken}">
                        <button type="submit" class="reprocess">Reprocess</button></form>
                        """);
                }

                html.Add($"""</td></tr>""");
            }

            html.Add($"""</tbody></table>""");
        }

        html.Add($"""
            </section>
            <section aria-labelledby="to-check"><h2 id="to-check">Orders to check <span class="badge">{queue.OrdersTotal}</span></h2>
            <p class="meta">New orders with a required field missing or read with low confidence. Correct them on the order and mark them reviewed.</p>
            """);
        if (queue.Orders.Count == 0)
        {
            html.Add($"""<p class="meta">Nothing to check.</p>""");
        }
        else
        {
            html.Add($"""<table class="queue" id="to-check-table"><thead><tr><th scope="col">Order</th><th scope="col">Reference</th><th scope="col">Customer</th><th scope="col">To check</th></tr></thead><tbody>""");
            foreach (var order in queue.Orders)
            {
                html.Add($"""
                    <tr data-order-id="{order.OrderId}"><td><a href="/orders/{order.OrderId}">Order {order.OrderId}</a></td><td>{order.Reference}</td><td>{order.Customer}</td>
                    <td>{string.Join("; ", order.Reasons)}</td></tr>
                    """);
            }

            html.Add($"""</tbody></table>""");
            More(html, queue.Orders.Count, queue.OrdersTotal, "/orders?review=1");
        }

        html.Add($"""
            </section>
            <section aria-labelledby="unplaced"><h2 id="unplaced">Stops not on the map <span class="badge">{queue.UnplacedTotal}</span></h2>
            <p class="meta">The geocoder found no coordinates for these places. Correct the city or postal code on the order.</p>
            """);
        if (queue.Unplaced.Count == 0)
        {
            html.Add($"""<p class="meta">Every stop with a place has coordinates.</p>""");
        }
        else
        {
            html.Add($"""<table class="queue" id="unplaced-table"><thead><tr><th scope="col">Order</th><th scope="col">Reference</th><th scope="col">Stop</th><th scope="col">Place read</th></tr></thead><tbody>""");
            foreach (var stop in queue.Unplaced)
            {
                html.Add($"""
                    <tr data-order-id="{stop.OrderId}"><td><a href="/orders/{stop.OrderId}">Order {stop.OrderId}</a></td><td>{stop.Reference}</td>
                    <td>{(stop.StopIndex + 1).ToString(inv)} ({stop.Type})</td><td>{stop.Place}</td></tr>
                    """);
            }

            html.Add($"""</tbody></table>""");
            More(html, queue.Unplaced.Count, queue.UnplacedTotal, null);
        }

        html.Add($"""
            </section>
            <section aria-labelledby="outbox"><h2 id="outbox">Outbox rows waiting</h2>
            """);
        if (queue.Sinks.Count == 0)
        {
            html.Add($"""<p class="meta">Every sink has its rows (or no sink is configured).</p>""");
        }

        foreach (var sink in queue.Sinks)
        {
            html.Add($"""
                <h3>{sink.Sink}: <span class="depth">{sink.Depth}</span> waiting</h3>
                """);
            if (sink.LastError is not null)
            {
                html.Add($"""<p class="error">The last push failed: {sink.LastError}</p>""");
            }

            html.Add($"""<p class="meta">Oldest: {string.Join(", ", sink.Oldest)}</p>""");
        }

        Failing(html, queue);
        if (queue.Sinks.Count > 0)
        {
            if (mayPush && admin)
            {
                html.Add($"""
                    <form method="post" action="/review/retry-outbox"><input type="hidden" name="__RequestVerificationToken" value="{antiforgeryToken}">
                    <button type="submit" id="retry-outbox">Retry now</button></form>
                    """);
            }
            else if (!mayPush)
            {
                html.Add($"""<p class="meta">No service runs here to push them: run <code>fleetmanager sync</code>, or let <code>fleetmanager run</code> push them after its next poll.</p>""");
            }
        }

        html.Add($"""</section>""");
        return PageLayout.Render("Review queue", user, html);
    }

    private static void Failing(HtmlBuilder html, ReviewQueue queue)
    {
        html.Add($"""
            <h3 id="failing">Sink rows that keep failing <span class="badge">{queue.FailingTotal}</span></h3>
            <p class="meta">Rows whose push failed {ReviewQueueReader.FailingAttempts} times or more. Retry counts them again from 0.</p>
            """);
        if (queue.FailingRows.Count == 0)
        {
            html.Add($"""<p class="meta">No row keeps failing.</p>""");
            return;
        }

        html.Add($"""<table class="queue" id="failing-table"><thead><tr><th scope="col">Sink</th><th scope="col">Order</th><th scope="col">Attempts</th><th scope="col">Last error</th><th scope="col">Last attempt</th></tr></thead><tbody>""");
        foreach (var row in queue.FailingRows)
        {
            html.Add($"""<tr data-outbox-id="{row.Id}"><td>{row.Sink}</td><td>""");
            if (row.OrderId is { } orderId)
            {
                html.Add($"""<a href="/orders/{orderId}">{row.Reference ?? row.OrderKey}</a>""");
            }
            else
            {
                html.Add($"""{row.Reference ?? row.OrderKey}""");
            }

            html.Add($"""
                </td><td class="num attempts">{row.Attempts}</td><td class="reason">{row.LastError}</td>
                <td class="num">{DashboardTime.Minute(row.LastAttemptAt)}</td></tr>
                """);
        }

        html.Add($"""</tbody></table>""");
        if (queue.FailingTotal > queue.FailingRows.Count)
        {
            html.Add($"""<p class="meta">{queue.FailingRows.Count} of {queue.FailingTotal} shown.</p>""");
        }
    }

    private static void More(HtmlBuilder html, int shown, int total, string? link)
    {
        if (total > shown)
        {
            html.Add($"""<p class="meta">{shown} of {total} shown.</p>""");
            if (link is not null)
            {
                html.Add($"""<p><a href="{link}">All of them in the orders list</a></p>""");
            }
        }
    }
}
