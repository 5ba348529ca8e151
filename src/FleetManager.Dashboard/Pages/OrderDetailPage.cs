using System.Globalization;
using FleetManager.Core.Model;
using FleetManager.Dashboard.Messages;
using FleetManager.Dashboard.Security;
using FleetManager.Storage;
using FleetManager.Storage.Corrections;

namespace FleetManager.Dashboard.Pages;

/// <summary>
/// One order: every correctable field (the value in force, the value read when corrected, the confidence), its
/// stops, status and "mark reviewed", the audit trail, and beside it the source message with the evidence marked.
/// </summary>
public static class OrderDetailPage
{
    public static string Render(StoredOrder read, StoredOrder corrected, OrderReview review, IReadOnlyList<OrderCorrection> corrections,
        MessageView? message, DashboardUser user, string antiforgeryToken, string? error, HtmlBuilder? stopsMap = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(corrected);
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(corrections);
        var id = corrected.Id;
        var order = corrected.Order;
        var status = OrderStatusNames.Of(review.Status);
        var html = new HtmlBuilder();
        html.Add($"""
            <p><a href="/orders">← Orders</a></p>
            <h1>Order {id} <span class="badge status-{status}" id="status">{status.Replace('_', ' ')}</span></h1>
            <p class="meta">From message <strong>{corrected.Message.Subject}</strong> · {corrected.Message.From} · {corrected.Message.Date?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}
            · confidence {(order.Confidence is { } c ? c.Order.ToString("0.00", CultureInfo.InvariantCulture) : "not given")}{(order.Confidence?.Reason is { } why ? " (" + why + ")" : "")}</p>
            """);
        if (error is not null)
        {
            html.Add($"""<p class="error" role="alert">{error}</p>""");
        }

        html.Add($"""<div class="detail"><section class="fields" aria-label="Fields">""");
        if (user.MayCorrect)
        {
            html.Add($"""
                <div class="status-form">
                """);
            if (review.Status == OrderStatus.New)
            {
                // A form of its own: beside the select, the button's status would be sent twice.
                html.Add($"""
                    <form method="post" action="/orders/{id}/status">
                    <input type="hidden" name="__RequestVerificationToken" value="{antiforgeryToken}">
                    <button type="submit" name="status" value="reviewed" id="mark-reviewed">Mark reviewed</button>
                    </form>
                    """);
            }

            html.Add($"""
                <form method="post" action="/orders/{id}/status">
                <input type="hidden" name="__RequestVerificationToken" value="{antiforgeryToken}">
                <label>Status <select name="status" id="status-select">
                """);
            foreach (var candidate in OrderStatusNames.All)
            {
                var name = OrderStatusNames.Of(candidate);
                html.Add($"""<option value="{name}"{new HtmlContent(candidate == review.Status ? " selected" : "")}>{name.Replace('_', ' ')}</option>""");
            }

            html.Add($"""</select></label> <button type="submit" id="set-status">Set status</button></form></div>""");
        }

        html.Add($"""
            <form method="post" action="/orders/{id}/corrections" id="fields">
            <input type="hidden" name="__RequestVerificationToken" value="{antiforgeryToken}">
            <table class="fields"><thead><tr><th scope="col">field</th><th scope="col">value</th><th scope="col">read</th><th scope="col">confidence</th></tr></thead><tbody>
            """);
        var correctedFields = corrections.Select(x => x.Field).ToHashSet(StringComparer.Ordinal);
        foreach (var field in OrderFieldEditor.FieldsOf(order))
        {
            var value = OrderFieldEditor.Read(order, field);
            var original = OrderFieldEditor.Read(read.Order, field);
            var confidence = order.Confidence?.Fields.TryGetValue(field, out var score) == true ? score.ToString("0.00", CultureInfo.InvariantCulture) : "";
            var hasEvidence = read.Order.Sources.ContainsKey(field);
            var inputId = "f-" + field.Replace('[', '-').Replace(']', '-').Replace('.', '-');
            html.Add($"""
                <tr{new HtmlContent(correctedFields.Contains(field) ? " class=\"corrected\"" : "")}><th scope="row"><label for="{inputId}">{field}</label>{new HtmlContent(hasEvidence ? " <span class=\"ev\" title=\"evidence in the message\">◆</span>" : "")}</th>
                <td><input id="{inputId}" name="{field}" value="{value}" data-field="{field}"{new HtmlContent(user.MayCorrect ? "" : " readonly")}></td>
                <td class="read">{(correctedFields.Contains(field) ? original : null)}</td><td class="num">{confidence}</td></tr>
                """);
        }

        html.Add($"</tbody></table>");
        if (user.MayCorrect)
        {
            html.Add($"""<button type="submit" id="save">Save corrections</button>""");
        }

        html.Add($"""</form><h2>Stops</h2><ol class="stops">""");
        foreach (var stop in order.Stops)
        {
            html.Add($"""<li>{(stop.Type == StopType.Loading ? "Loading" : "Unloading")}: {stop.Company} {stop.Address} {stop.PostalCode} {stop.City} {stop.Country} · {stop.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {stop.TimeFrom?.ToString("HH:mm", CultureInfo.InvariantCulture)}{(stop.TimeTo is { } to ? "–" + to.ToString("HH:mm", CultureInfo.InvariantCulture) : "")}{(stop.Latitude is { } lat && stop.Longitude is { } lon ? string.Create(CultureInfo.InvariantCulture, $" ({lat:0.####}, {lon:0.####})") : "")}</li>""");
        }

        html.Add($"""</ol>""");
        if (stopsMap is not null)
        {
            // The stops on a small map (map.js; the list above is the page without scripts).
            html.Add($"""{new HtmlContent(stopsMap.ToString())}""");
        }

        html.Add($"""<h2>Corrections</h2>""");
        if (corrections.Count == 0)
        {
            html.Add($"<p>None: every value is as read.</p>");
        }
        else
        {
            html.Add($"""<table class="audit" id="audit"><thead><tr><th scope="col">when (UTC)</th><th scope="col">who</th><th scope="col">field</th><th scope="col">read</th><th scope="col">set</th></tr></thead><tbody>""");
            foreach (var correction in corrections.Reverse())
            {
                html.Add($"""<tr><td>{correction.CorrectedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}</td><td>{correction.CorrectedBy}</td><td>{correction.Field}</td><td>{correction.ValueRead}</td><td>{correction.ValueSet}</td></tr>""");
            }

            html.Add($"</tbody></table>");
        }

        if (review.ChangedBy is not null)
        {
            html.Add($"""<p class="meta">Status set by {review.ChangedBy} at {review.ChangedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.</p>""");
        }

        html.Add($"""</section><section class="message" aria-label="Source message"><h2>Message</h2>""");
        if (message is null)
        {
            html.Add($"<p>The message's text is no longer kept (Storage:RawMessageRetention).</p>");
        }
        else
        {
            html.Add($"""<h3>Text as read</h3><pre id="message-text" tabindex="0" aria-label="The message text as read">""");
            EvidenceText.Write(html, message.AnalysedText, read.Order.Sources);
            html.Add($"</pre>");
            if (message.Html is not null)
            {
                html.Add($"""<h3>As sent (HTML, cleaned)</h3><iframe sandbox="" src="/orders/{id}/message.html" title="The message as sent, cleaned" class="mail-html"></iframe>""");
            }

            if (message.Attachments.Count > 0)
            {
                html.Add($"""<h3>Attachments</h3><ul class="attachments">""");
                foreach (var attachment in message.Attachments)
                {
                    html.Add($"""<li><a href="/orders/{id}/attachments/{attachment.Index}" download>{attachment.FileName}</a> ({attachment.ContentType}, {attachment.Size} bytes)</li>""");
                }

                html.Add($"</ul>");
            }
        }

        html.Add($"</section></div>");
        return PageLayout.Render($"Order {id}", user, html, withMap: stopsMap is not null);
    }
}
