using FleetManager.Dashboard.Review;
using FleetManager.Dashboard.Security;
using FleetManager.Storage;

namespace FleetManager.Dashboard.Pages;

/// <summary>Every message in the ledger, oldest first, a page at a time (keyset: "Next page" continues after the last id shown).</summary>
public static class MessagesPage
{
    public static string Render(IReadOnlyList<LedgerEntry> page, bool hasMore, LedgerCounts counts, long after, DashboardUser user)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(counts);
        var html = new HtmlBuilder();
        html.Add($"""
            <h1>Messages</h1>
            <p class="summary"><span id="message-total">{counts.Total}</span> messages: {counts.Processed} processed
            ({string.Join(", ", counts.ByClassification.Select(p => $"{p.Value} {MessageActions.Name(p.Key)}"))}), {counts.Quarantined} quarantined; {counts.Orders} orders.</p>
            <table class="messages"><thead><tr><th scope="col">#</th><th scope="col">Subject</th><th scope="col">From</th><th scope="col">Date</th>
            <th scope="col">Class</th><th scope="col">Orders</th></tr></thead><tbody>
            """);
        foreach (var entry in page)
        {
            html.Add($"""
                <tr data-ledger-id="{entry.Id}"><td class="num">{entry.Id}</td><td><a href="/messages/{entry.Id}">{entry.Subject ?? "(no subject)"}</a></td>
                <td>{entry.From}</td><td class="num">{DashboardTime.Minute(entry.Date ?? entry.ReceivedAt)}</td>
                <td>{new HtmlContent(ClassBadge(entry))}</td><td class="num">{entry.OrderCount}</td></tr>
                """);
        }

        html.Add($"""</tbody></table><nav class="pager" aria-label="Pages">""");
        if (after > 0)
        {
            html.Add($"""<a href="/messages">First page</a>""");
        }

        if (hasMore && page.Count > 0)
        {
            html.Add($"""<a rel="next" href="/messages?after={page[^1].Id}">Next page</a>""");
        }

        html.Add($"""</nav>""");
        return PageLayout.Render("Messages", user, html);
    }

    /// <summary>The class (or "quarantined") as a badge; markup built from fixed names only.</summary>
    public static string ClassBadge(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var name = entry.Status == LedgerStatus.Quarantined ? "quarantined" : entry.Classification is { } c ? MessageActions.Name(c) : "unknown";
        return $"<span class=\"badge class-{name}\">{name}</span>";
    }
}
