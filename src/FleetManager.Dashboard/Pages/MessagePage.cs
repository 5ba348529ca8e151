using System.Globalization;
using FleetManager.Core.Model;
using FleetManager.Dashboard.Review;
using FleetManager.Dashboard.Security;
using FleetManager.Storage;
using FleetManager.Storage.Corrections;

namespace FleetManager.Dashboard.Pages;

/// <summary>
/// One ledger message: what became of it, its orders, and the actions: "reclassify" (order ↔ other, dispatchers),
/// "reprocess" (admins), with the audit of who reclassified.
/// </summary>
public static class MessagePage
{
    public static string Render(LedgerEntry entry, IReadOnlyList<StoredOrder> orders, IReadOnlyList<OrderCorrection> audit,
        DashboardUser user, string antiforgeryToken, string? readerName, string? notice)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(user);
        var html = new HtmlBuilder();
        html.Add($"""
            <p><a href="/messages">← Messages</a></p>
            <h1>Message {entry.Id} {new HtmlContent(MessagesPage.ClassBadge(entry))}</h1>
            """);
        if (notice is not null)
        {
            html.Add($"""<p class="notice" role="status" id="notice">{notice}</p>""");
        }

        html.Add($"""
            <table class="fields" aria-label="Message"><tbody>
            <tr><th scope="row">Subject</th><td>{entry.Subject}</td></tr>
            <tr><th scope="row">From</th><td>{entry.From}</td></tr>
            <tr><th scope="row">Date</th><td>{DashboardTime.Minute(entry.Date)}</td></tr>
            <tr><th scope="row">Message-ID</th><td>{entry.MessageId}</td></tr>
            <tr><th scope="row">Source</th><td>{entry.SourceKey}</td></tr>
            <tr><th scope="row">Processed</th><td>{DashboardTime.Second(entry.ProcessedAt)}</td></tr>
            """);
        if (entry.Error is not null)
        {
            html.Add($"""<tr><th scope="row">Quarantined because</th><td class="reason">{entry.Error}</td></tr>""");
        }

        html.Add($"""</tbody></table><h2>Orders ({orders.Count})</h2>""");
        if (orders.Count == 0)
        {
            html.Add($"""<p class="meta" id="no-orders">No orders from this message.</p>""");
        }
        else
        {
            html.Add($"""<ul class="message-orders">""");
            foreach (var stored in orders)
            {
                var order = stored.Order;
                var from = order.Stops.FirstOrDefault(s => s.Type == StopType.Loading)?.City;
                var to = order.Stops.LastOrDefault(s => s.Type == StopType.Unloading)?.City;
                html.Add($"""<li><a href="/orders/{stored.Id}">Order {stored.Id}</a> {order.ReferenceNumber} · {order.Customer} · {from} → {to}</li>""");
            }

            html.Add($"""</ul>""");
        }

        if (readerName is not null)
        {
            Actions(html, entry, user, antiforgeryToken, readerName);
        }

        if (audit.Count > 0)
        {
            html.Add($"""<h2>Reclassified</h2><table id="reclassify-audit"><thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">From</th><th scope="col">To</th></tr></thead><tbody>""");
            foreach (var row in audit.Reverse())
            {
                html.Add($"""<tr><td>{DashboardTime.Second(row.CorrectedAt)}</td><td>{row.CorrectedBy}</td><td>{row.ValueRead}</td><td>{row.ValueSet}</td></tr>""");
            }

            html.Add($"""</tbody></table>""");
        }

        return PageLayout.Render("Message " + entry.Id.ToString(CultureInfo.InvariantCulture), user, html);
    }

    private static void Actions(HtmlBuilder html, LedgerEntry entry, DashboardUser user, string antiforgeryToken, string readerName)
    {
        html.Add($"""<h2>Actions</h2><p class="meta">Read again by the {readerName} reader; the message's orders are replaced, and sinks are updated through the outbox.</p><div class="actions">""");
        if (user.MayCorrect && entry.Status == LedgerStatus.Processed)
        {
            var target = entry.Classification == Classification.Order ? Classification.Other : Classification.Order;
            var label = target == Classification.Order ? "It is an order: extract its orders" : "It is not an order: remove its orders";
            html.Add($"""
                <form method="post" action="/messages/{entry.Id}/reclassify"><input type="hidden" name="__RequestVerificationToken" value="{antiforgeryToken}">
                <input type="hidden" name="classification" value="{MessageActions.Name(target)}"><button type="submit" id="reclassify">{label}</button></form>
                """);
        }

        if (user.Role >= DashboardRole.Admin)
        {
            html.Add($"""
                <form method="post" action="/messages/{entry.Id}/reprocess"><input type="hidden" name="__RequestVerificationToken" value="{antiforgeryToken}">
                <button type="submit" id="reprocess">Reprocess</button></form>
                """);
        }

        html.Add($"""</div>""");
    }
}
