using System.Globalization;
using FleetManager.Core.Errors;
using FleetManager.Core.Model;
using FleetManager.Dashboard.Hosting;
using FleetManager.Dashboard.Map;
using FleetManager.Dashboard.Pages;
using FleetManager.Dashboard.Review;
using FleetManager.Dashboard.Security;
using FleetManager.Dashboard.Status;
using FleetManager.Storage;
using FleetManager.Storage.Reprocessing;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FleetManager.Dashboard;

/// <summary>
/// The review queue, the messages and the status page (docs/dashboard.md). Reads are GETs that work without
/// scripts; each action is a POST whose antiforgery token and role are checked first (<see cref="FormGuard"/>), and
/// which answers with a redirect to the page that shows its result.
/// </summary>
public static class DashboardPageEndpoints
{
    public static IEndpointRouteBuilder MapFleetManagerDashboardPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/review", (HttpContext context, DashboardStore store, MessageActions actions, IAntiforgery antiforgery, string? notice) =>
            ReviewAsync(context, store, actions, antiforgery, notice));
        endpoints.MapPost("/review/retry-outbox", async (HttpContext context, DashboardStore store, IAntiforgery antiforgery) =>
        {
            if (await FormGuard.RefuseAsync(context, antiforgery, DashboardRole.Admin).ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            if (context.RequestServices.GetService<IServiceStatusSource>() is not { } service)
            {
                return Results.Redirect("/review?notice=no-service");
            }

            // Rows that kept failing start counting again: they leave the "keep failing" list and come back only if
            // this push and the next ones fail too (the push tries them as ever, oldest first).
            await store.UseAsync((orders, _, token) => orders.RetryFailingOutboxAsync(ReviewQueueReader.FailingAttempts, token), context.RequestAborted).ConfigureAwait(false);
            var error = await service.PushOutboxAsync(context.RequestAborted).ConfigureAwait(false);
            return Results.Redirect(error is null ? "/review?notice=pushed" : "/review?notice=push-failed");
        });
        endpoints.MapGet("/messages", async (HttpContext context, DashboardStore store, IOptions<DashboardOptions> options, long? after) =>
        {
            var size = options.Value.PageSize;
            var (page, counts) = await store.UseAsync(
                async (orders, _, token) => (
                    await orders.ListLedgerAsync(new LedgerQuery { AfterId = after ?? 0, Limit = size + 1 }, token).ConfigureAwait(false),
                    await orders.CountLedgerAsync(token).ConfigureAwait(false)),
                context.RequestAborted).ConfigureAwait(false);
            var shown = page.Take(size).ToList();
            return PageResults.Html(MessagesPage.Render(shown, page.Count > size, counts, after ?? 0, DashboardAccess.UserOf(context)));
        });
        endpoints.MapGet("/messages/{id:long}", async (HttpContext context, long id, DashboardStore store, MessageActions actions, IAntiforgery antiforgery, string? done) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            var found = await store.UseAsync(
                async (orders, _, token) => await EntryByIdAsync(orders, id, token).ConfigureAwait(false) is { } entry
                    ? (Entry: entry, Orders: await orders.QueryOrdersAsync(new OrderQuery { MessageId = entry.MessageId }, token).Where(o => o.Message.Id == entry.Id).ToListAsync(token).ConfigureAwait(false))
                    : default,
                context.RequestAborted).ConfigureAwait(false);
            if (found.Entry is null)
            {
                return Results.NotFound();
            }

            var audit = await actions.AuditOfAsync(found.Entry.LedgerKey, context.RequestAborted).ConfigureAwait(false);
            return PageResults.Html(MessagePage.Render(found.Entry, found.Orders, audit, DashboardAccess.UserOf(context), tokens.RequestToken!,
                actions.Available ? actions.ReaderName : null, OutcomeText(done)));
        });
        endpoints.MapPost("/messages/{id:long}/reprocess", async (HttpContext context, long id, DashboardStore store, MessageActions actions, IAntiforgery antiforgery) =>
        {
            if (await FormGuard.RefuseAsync(context, antiforgery, DashboardRole.Admin).ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            return await ReadAgainAsync(context, id, store, actions, null).ConfigureAwait(false);
        });
        endpoints.MapPost("/messages/{id:long}/reclassify", async (HttpContext context, long id, DashboardStore store, MessageActions actions, IAntiforgery antiforgery) =>
        {
            if (await FormGuard.RefuseAsync(context, antiforgery, DashboardRole.Dispatcher).ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            if (!Enum.TryParse<Classification>(form["classification"], ignoreCase: true, out var classification) || !Enum.IsDefined(classification))
            {
                return PageResults.Html(PageLayout.Render("Not done", DashboardAccess.UserOf(context), new HtmlBuilder().Add($"""
                    <h1>Not done</h1><p>Unknown class: choose order, invoice or other from the message's page.</p>
                    """)), StatusCodes.Status400BadRequest);
            }

            return await ReadAgainAsync(context, id, store, actions, classification).ConfigureAwait(false);
        });
        endpoints.MapGet("/status", async (HttpContext context, DashboardStore store, CancellationToken cancellationToken) =>
        {
            var service = context.RequestServices.GetService<IServiceStatusSource>();
            var view = service is null ? null : await service.ReadAsync(cancellationToken).ConfigureAwait(false);
            var book = await store.UseAsync(
                async (orders, _, token) => new BookFacts(orders.Kind.ToString(), orders.SchemaVersion, await orders.CountLedgerAsync(token).ConfigureAwait(false),
                    await OutboxDepths.ReadAsync(orders, token).ConfigureAwait(false)),
                cancellationToken).ConfigureAwait(false);
            return PageResults.Html(StatusPage.Render(view, book, DashboardAccess.UserOf(context)));
        });
        endpoints.MapGet("/map", async (HttpContext context, DashboardStore store, IOptions<DashboardOptions> options) =>
        {
            var map = await store.UseAsync((orders, _, token) => MapLaneReader.OpenAsync(orders, token), context.RequestAborted).ConfigureAwait(false);
            context.Response.Headers.ContentSecurityPolicy = MapTiles.ContentSecurityPolicy(options.Value.MapTileUrl);
            return PageResults.Html(MapPage.Render(map, options.Value, DashboardAccess.UserOf(context)));
        });
        return endpoints;
    }

    private static async Task<IResult> ReviewAsync(HttpContext context, DashboardStore store, MessageActions actions, IAntiforgery antiforgery, string? notice)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var service = context.RequestServices.GetService<IServiceStatusSource>();
        var sinkErrors = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (service is not null)
        {
            foreach (var sink in (await service.ReadAsync(context.RequestAborted).ConfigureAwait(false)).Sinks)
            {
                sinkErrors[sink.Name] = sink.Error;
            }
        }

        var queue = await store.UseAsync((orders, _, token) => ReviewQueueReader.ReadAsync(orders, sinkErrors, token), context.RequestAborted).ConfigureAwait(false);
        var text = notice switch
        {
            "pushed" => "The outbox was pushed: every sink took its rows.",
            "push-failed" => "The push failed again; the rows stay in the outbox. The reason is shown under the sink.",
            "no-service" => "No service runs here to push the outbox: run fleetmanager sync.",
            _ => null,
        };
        return PageResults.Html(ReviewPage.Render(queue, DashboardAccess.UserOf(context), tokens.RequestToken!, actions.Available, service is not null, text));
    }

    private static async Task<IResult> ReadAgainAsync(HttpContext context, long id, DashboardStore store, MessageActions actions, Classification? classification)
    {
        if (!actions.Available)
        {
            return Results.NotFound();
        }

        if (await store.UseAsync((orders, _, token) => EntryByIdAsync(orders, id, token), context.RequestAborted).ConfigureAwait(false) is not { } entry)
        {
            return Results.NotFound();
        }

        var user = DashboardAccess.UserOf(context);
        ReprocessedMessage? done;
        try
        {
            done = classification is { } forced
                ? await actions.ReclassifyAsync(entry.LedgerKey, forced, user.Name, context.RequestAborted).ConfigureAwait(false)
                : await actions.ReprocessAsync(entry.LedgerKey, context.RequestAborted).ConfigureAwait(false);
        }
        catch (FleetManagerException ex) when (ex.Category is not ErrorCategory.RejectedInput)
        {
            // A reader without its key, a model out of quota, the book unreachable: nothing was changed; say what to do.
            return PageResults.Html(PageLayout.Render("Not done", user, new HtmlBuilder().Add($"""
                <h1>Not done</h1><p>The message could not be read again, and nothing was changed: {ex.Message}</p><p>{ex.Fix}</p>
                <p><a href="/messages/{id}">Back to the message</a></p>
                """)), StatusCodes.Status503ServiceUnavailable);
        }
        catch (OptionsValidationException ex)
        {
            return PageResults.Html(PageLayout.Render("Not done", user, new HtmlBuilder().Add($"""
                <h1>Not done</h1><p>The reader is not configured, so nothing was changed: {ex.Message}</p>
                <p>Set the reader's options (docs/configuration.md) and restart.</p>
                """)), StatusCodes.Status503ServiceUnavailable);
        }

        return done is null ? Results.NotFound() : Results.Redirect($"/messages/{id}?done={OutcomeName(done.Outcome)}");
    }

    /// <summary>The ledger row with id <paramref name="id"/>, or null.</summary>
    private static async ValueTask<LedgerEntry?> EntryByIdAsync(IOrderStore orders, long id, CancellationToken cancellationToken) =>
        id <= 0 ? null : await orders.ListLedgerAsync(new LedgerQuery { AfterId = id - 1, Limit = 1 }, cancellationToken).ConfigureAwait(false) is [var entry] && entry.Id == id ? entry : null;

    private static string OutcomeName(ReprocessOutcome outcome) => outcome.ToString().ToLowerInvariant();

    private static string? OutcomeText(string? done) => done switch
    {
        "unchanged" => "Read again: nothing changed.",
        "changed" => "Read again: its class or orders changed.",
        "newlyprocessed" => "Read again: the message is processed now; its orders are below.",
        "stillquarantined" => "Read again: still quarantined, for the reason shown.",
        "keptdespitefailure" => "Read again, it failed: its stored orders are kept.",
        "rawpurged" => "Its raw bytes were purged (Storage:RawMessageRetention): it cannot be read again.",
        _ => null,
    };
}
