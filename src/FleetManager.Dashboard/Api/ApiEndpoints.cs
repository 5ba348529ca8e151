using System.Globalization;
using System.Text.Json;
using FleetManager.Core.Errors;
using FleetManager.Dashboard.Hosting;
using FleetManager.Dashboard.Map;
using FleetManager.Dashboard.Messages;
using FleetManager.Dashboard.Orders;
using FleetManager.Dashboard.Review;
using FleetManager.Dashboard.Security;
using FleetManager.Dashboard.Status;
using FleetManager.Storage;
using FleetManager.Storage.Corrections;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FleetManager.Dashboard.Api;

/// <summary>
/// The JSON API under <c>/api/v1</c> (docs/dashboard.md, "API") and its OpenAPI document at <c>/openapi/v1.json</c>.
/// Served wherever the dashboard is, behind the same <see cref="DashboardSecurityMiddleware"/>; reads what the pages
/// read, with the same queries. The one state change, PATCH of an order, checks the antiforgery token (sent in
/// <see cref="AntiforgeryHeader"/>) before the role, like the pages' forms.
/// </summary>
public static class ApiEndpoints
{
    /// <summary>The request header that carries the antiforgery token on a PATCH.</summary>
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    /// <summary>The most rows one page of a list may ask for.</summary>
    public const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapFleetManagerApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi();
        var api = endpoints.MapGroup("/api/v1").WithTags("FleetManager");
        // A failure of the book (unreachable, damaged) is a problem document with its fix, never a stack trace.
        api.AddEndpointFilter(async (invocation, next) =>
        {
            try
            {
                return await next(invocation).ConfigureAwait(false);
            }
            catch (FleetManagerException ex)
            {
                return ApiProblems.Failure(invocation.HttpContext, ex);
            }
        });

        api.MapGet("/orders", async (HttpContext context, [AsParameters] OrderListParameters parameters, DashboardStore store, IOptions<DashboardOptions> options) =>
        {
            if (PageSize(context, parameters.Limit, options.Value.PageSize, out var size) is { } refused)
            {
                return refused;
            }

            if (parameters.Problems() is { Count: > 0 } problems)
            {
                return ApiProblems.BadRequest(context, string.Join(" ", problems.Values), problems);
            }

            var query = OrderListQuery.Parse(parameters.ToQuery());
            var page = await store.UseAsync((orders, _, token) => OrderBrowser.OrdersPageAsync(orders, query, size, token), context.RequestAborted).ConfigureAwait(false);
            var rows = page.Rows.Select(r => new OrderListItem(r.Order.Id, OrderStatusNames.Of(r.Status), r.NeedsReview, r.CorrectionCount, r.Order.Message.Id, r.Order.Order)).ToList();
            return Results.Json(new OrderListDocument(rows, page.Total, page.NextCursor, page.TotalCapped), ApiJsonContext.Default.OrderListDocument);
        })
            .WithName("ListOrders")
            .WithSummary("The orders list: search, filters, sort and keyset paging as the /orders page, corrections applied.")
            .Produces<OrderListDocument>()
            .Produces<ProblemDocument>(StatusCodes.Status400BadRequest, ApiProblems.ContentType);

        api.MapGet("/orders/{id:long}", async (HttpContext context, long id, DashboardStore store) =>
        {
            var document = await store.UseAsync(
                async (orders, corrections, token) => await orders.GetOrderAsync(id, token).ConfigureAwait(false) is { } read
                    ? await OrderDocumentOfAsync(orders, corrections, read, token).ConfigureAwait(false)
                    : null,
                context.RequestAborted).ConfigureAwait(false);
            return document is null ? ApiProblems.NotFound(context, "order") : Results.Json(document, ApiJsonContext.Default.OrderDocument);
        })
            .WithName("GetOrder")
            .WithSummary("One order in the spec's field names with corrections applied, its confidence, evidence, status and correction audit.")
            .Produces<OrderDocument>()
            .Produces<ProblemDocument>(StatusCodes.Status404NotFound, ApiProblems.ContentType);

        api.MapPatch("/orders/{id:long}", PatchOrderAsync)
            .WithName("PatchOrder")
            .WithSummary("Corrects fields and/or sets the status (dispatcher role; antiforgery token in the X-CSRF-TOKEN header). All or nothing.")
            .Accepts<OrderPatchRequest>("application/json")
            .Produces<OrderDocument>()
            .Produces<ProblemDocument>(StatusCodes.Status400BadRequest, ApiProblems.ContentType)
            .Produces<ProblemDocument>(StatusCodes.Status403Forbidden, ApiProblems.ContentType)
            .Produces<ProblemDocument>(StatusCodes.Status404NotFound, ApiProblems.ContentType)
            .Produces<ProblemDocument>(StatusCodes.Status415UnsupportedMediaType, ApiProblems.ContentType);

        api.MapGet("/messages", async (HttpContext context, DashboardStore store, IOptions<DashboardOptions> options, long? after, string? limit) =>
        {
            if (PageSize(context, limit, options.Value.PageSize, out var size) is { } refused)
            {
                return refused;
            }

            var (page, counts) = await store.UseAsync(
                async (orders, _, token) => (
                    await orders.ListLedgerAsync(new LedgerQuery { AfterId = Math.Max(after ?? 0, 0), Limit = size + 1 }, token).ConfigureAwait(false),
                    await orders.CountLedgerAsync(token).ConfigureAwait(false)),
                context.RequestAborted).ConfigureAwait(false);
            var shown = page.Take(size).Select(ApiDocuments.Message).ToList();
            var document = new MessageListDocument(shown, ApiDocuments.Totals(counts), page.Count > size ? shown[^1].Id : null);
            return Results.Json(document, ApiJsonContext.Default.MessageListDocument);
        })
            .WithName("ListMessages")
            .WithSummary("Every ledger message, oldest first, keyset-paged (after = next_after of the previous page), with its class and order count.")
            .Produces<MessageListDocument>()
            .Produces<ProblemDocument>(StatusCodes.Status400BadRequest, ApiProblems.ContentType);

        api.MapGet("/messages/{id:long}", async (HttpContext context, long id, DashboardStore store, MessageActions actions) =>
        {
            var found = await store.UseAsync(
                async (orders, _, token) => await EntryByIdAsync(orders, id, token).ConfigureAwait(false) is { } entry
                    ? (Entry: entry, Orders: await orders.QueryOrdersAsync(new OrderQuery { MessageId = entry.MessageId }, token).Where(o => o.Message.Id == entry.Id).ToListAsync(token).ConfigureAwait(false))
                    : default,
                context.RequestAborted).ConfigureAwait(false);
            if (found.Entry is null)
            {
                return ApiProblems.NotFound(context, "message");
            }

            var links = found.Orders.Select(o => new MessageOrderLink(o.Id, o.OrderIndex, o.Order.ReferenceNumber, o.Order.Customer)).ToList();
            var changes = (await actions.AuditOfAsync(found.Entry.LedgerKey, context.RequestAborted).ConfigureAwait(false)).Select(ApiDocuments.Correction).ToList();
            return Results.Json(new MessageDocument(ApiDocuments.Message(found.Entry), links, changes), ApiJsonContext.Default.MessageDocument);
        })
            .WithName("GetMessage")
            .WithSummary("One ledger message: headers, class, quarantine reason, its orders and its reclassifications.")
            .Produces<MessageDocument>()
            .Produces<ProblemDocument>(StatusCodes.Status404NotFound, ApiProblems.ContentType);

        api.MapGet("/queue", async (HttpContext context, DashboardStore store) =>
        {
            var sinkErrors = new Dictionary<string, string?>(StringComparer.Ordinal);
            if (context.RequestServices.GetService<IServiceStatusSource>() is { } service)
            {
                foreach (var sink in (await service.ReadAsync(context.RequestAborted).ConfigureAwait(false)).Sinks)
                {
                    sinkErrors[sink.Name] = sink.Error;
                }
            }

            var queue = await store.UseAsync((orders, _, token) => ReviewQueueReader.ReadAsync(orders, sinkErrors, token), context.RequestAborted).ConfigureAwait(false);
            var document = new ReviewQueueDocument([.. queue.Quarantined.Select(ApiDocuments.Message)], queue.QuarantinedTotal, queue.Orders, queue.OrdersTotal,
                queue.Unplaced, queue.UnplacedTotal, queue.Sinks, queue.FailingRows, queue.FailingTotal);
            return Results.Json(document, ApiJsonContext.Default.ReviewQueueDocument);
        })
            .WithName("GetReviewQueue")
            .WithSummary("The review queue: quarantined messages, orders to check, stops off the map, sink backlog.")
            .Produces<ReviewQueueDocument>();

        api.MapGet("/stats", async (HttpContext context, DashboardStore store) =>
        {
            var service = context.RequestServices.GetService<IServiceStatusSource>();
            var view = service is null ? null : await service.ReadAsync(context.RequestAborted).ConfigureAwait(false);
            var document = await store.UseAsync(
                async (orders, _, token) =>
                {
                    var counts = await orders.CountLedgerAsync(token).ConfigureAwait(false);
                    var depths = await OutboxDepths.ReadAsync(orders, token).ConfigureAwait(false);
                    return new BookStatsDocument(orders.Kind.ToString().ToLowerInvariant(), orders.SchemaVersion, ApiDocuments.Totals(counts), counts.Orders,
                        [.. depths.Select(d => new OutboxDepth(d.Sink, d.Depth))], view);
                },
                context.RequestAborted).ConfigureAwait(false);
            return Results.Json(document, ApiJsonContext.Default.BookStatsDocument);
        })
            .WithName("GetStats")
            .WithSummary("What the status page shows: the book's totals, outbox depth per sink, and under run the sources, sinks and model use.")
            .Produces<BookStatsDocument>();

        api.MapGet("/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(new AntiforgeryTokenDocument(AntiforgeryHeader, tokens.RequestToken!), ApiJsonContext.Default.AntiforgeryTokenDocument);
        })
            .WithName("GetAntiforgeryToken")
            .WithSummary("The token to send in the X-CSRF-TOKEN header of a PATCH; the response also sets its cookie.")
            .Produces<AntiforgeryTokenDocument>();

        api.MapGet("/map/lanes", async (HttpContext context, DashboardStore store, long? order) =>
        {
            var map = await store.UseAsync<MapDocument?>(
                async (orders, corrections, token) =>
                {
                    if (order is not { } id)
                    {
                        return await MapLaneReader.OpenAsync(orders, token).ConfigureAwait(false);
                    }

                    // One order's own map (its page): whatever its status.
                    if (await orders.GetOrderAsync(id, token).ConfigureAwait(false) is not { } stored)
                    {
                        return null;
                    }

                    var lane = MapLaneReader.LaneOf(stored, (await corrections.StatusOfAsync(id, token).ConfigureAwait(false)).Status);
                    return new MapDocument(lane is null ? [] : [lane], 1, lane is null ? 1 : 0);
                },
                context.RequestAborted).ConfigureAwait(false);
            return map is null ? ApiProblems.NotFound(context, "order") : Results.Json(map, ApiJsonContext.Default.MapDocument);
        })
            .WithName("GetMapLanes")
            .WithSummary("The open orders as lanes (geocoded stops, loading → unloading) for the map; with order=ID, that order's own lane.")
            .Produces<MapDocument>()
            .Produces<ProblemDocument>(StatusCodes.Status404NotFound, ApiProblems.ContentType);
        return endpoints;
    }

    private static async Task<IResult> PatchOrderAsync(HttpContext context, long id, DashboardStore store, IAntiforgery antiforgery, TimeProvider clock)
    {
        // As the pages' forms: the token first (400, nothing changed), then the role (403).
        if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return ApiProblems.MissingAntiforgeryToken(context);
        }

        var user = DashboardAccess.UserOf(context);
        if (!user.MayCorrect)
        {
            return ApiProblems.Forbidden(context, "dispatcher", "Dashboard:Dispatchers");
        }

        if (!context.Request.HasJsonContentType())
        {
            return ApiProblems.UnsupportedMediaType(context);
        }

        OrderPatchRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(context.Request.Body, ApiJsonContext.Default.OrderPatchRequest, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            // Where it went wrong, in the client's terms: the serializer's own message names .NET types.
            var at = ex.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {ex.BytePositionInLine + 1}{(ex.Path is { Length: > 1 } path ? ", at " + path : "")})") : "";
            return ApiProblems.BadRequest(context, $"The body is not the JSON of an order patch{at}: send an object such as {{\"fields\": {{\"weight_kg\": 12500}}, \"status\": \"reviewed\"}}. Nothing was changed.");
        }

        if (request is null || ((request.Fields is null || request.Fields.Count == 0) && request.Status is null))
        {
            return ApiProblems.BadRequest(context, "Nothing to change: send {\"fields\": {\"weight_kg\": 12500}} and/or {\"status\": \"reviewed\"}.");
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = OrderPatcher.FieldValues(request, errors);
        var status = OrderPatcher.Status(request.Status, errors);
        var outcome = await store.UseAsync<OrderDocument?>(
            async (orders, corrections, token) =>
            {
                if (await orders.GetOrderAsync(id, token).ConfigureAwait(false) is not { } read)
                {
                    return null;
                }

                var current = CorrectedOrders.Apply(read, await corrections.ForAsync(id, token).ConfigureAwait(false)).Order;
                var changes = OrderPatcher.Changes(current, values, errors);
                if (errors.Count > 0)
                {
                    return await OrderDocumentOfAsync(orders, corrections, read, token).ConfigureAwait(false);
                }

                var now = clock.GetUtcNow();
                foreach (var (field, before, after) in changes)
                {
                    await corrections.AddAsync(id, field, before, after, user.Name, now, token).ConfigureAwait(false);
                }

                if (status is { } newStatus)
                {
                    await corrections.SetStatusAsync(id, newStatus, user.Name, now, token).ConfigureAwait(false);
                }

                return await OrderDocumentOfAsync(orders, corrections, read, token).ConfigureAwait(false);
            },
            context.RequestAborted).ConfigureAwait(false);
        if (outcome is null)
        {
            return ApiProblems.NotFound(context, "order");
        }

        return errors.Count > 0
            ? ApiProblems.BadRequest(context, string.Join(" ", errors.Values) + " Nothing was changed.", errors)
            : Results.Json(outcome, ApiJsonContext.Default.OrderDocument);
    }

    private static async ValueTask<OrderDocument> OrderDocumentOfAsync(IOrderStore orders, IOrderCorrections corrections, StoredOrder read, CancellationToken cancellationToken)
    {
        var message = await orders.GetRawMessageAsync(read.Message.LedgerKey, cancellationToken).ConfigureAwait(false) is { } raw ? MessageView.Parse(read.Message.SourceKey, raw) : null;
        return ApiDocuments.Order(read, await corrections.ForAsync(read.Id, cancellationToken).ConfigureAwait(false),
            await corrections.StatusOfAsync(read.Id, cancellationToken).ConfigureAwait(false), message);
    }

    /// <summary>The page size asked for (1–<see cref="MaxPageSize"/>, <paramref name="fallback"/> when not given), or the refusal of a bad one.</summary>
    private static IResult? PageSize(HttpContext context, string? limit, int fallback, out int size)
    {
        size = fallback;
        if (limit is null)
        {
            return null;
        }

        if (int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) && size is >= 1 and <= MaxPageSize)
        {
            return null;
        }

        return ApiProblems.BadRequest(context, $"limit: expected a whole number from 1 to {MaxPageSize}.",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["limit"] = $"limit: expected a whole number from 1 to {MaxPageSize}." });
    }

    /// <summary>The ledger row with id <paramref name="id"/>, or null.</summary>
    private static async ValueTask<LedgerEntry?> EntryByIdAsync(IOrderStore orders, long id, CancellationToken cancellationToken) =>
        id <= 0 ? null : await orders.ListLedgerAsync(new LedgerQuery { AfterId = id - 1, Limit = 1 }, cancellationToken).ConfigureAwait(false) is [var entry] && entry.Id == id ? entry : null;
}
