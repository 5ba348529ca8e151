using System.Text;
using FleetManager.Dashboard.Api;
using FleetManager.Dashboard.Messages;
using FleetManager.Dashboard.Orders;
using FleetManager.Dashboard.Pages;
using FleetManager.Dashboard.Security;
using FleetManager.Storage;
using FleetManager.Storage.Corrections;
using FleetManager.Storage.Export;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace FleetManager.Dashboard;

/// <summary>
/// The dashboard's routes. Reads are GETs that work without scripts; every state change is a POST whose
/// antiforgery token is checked before anything else, and which needs the dispatcher role.
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>The policy of the cleaned message HTML: its own sandbox (no scripts, forms, navigation), inline styles and data: images only, framed only by the dashboard.</summary>
    public const string MessageHtmlPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

    public static IEndpointRouteBuilder MapFleetManagerDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => Results.Redirect("/orders"));
        endpoints.MapFleetManagerDashboardPages();
        endpoints.MapFleetManagerSignIn();
        endpoints.MapFleetManagerApi();
        endpoints.MapGet("/static/{name}", (HttpContext context, string name) =>
        {
            if (!VendoredAssets.TryGet(name, out var content, out var type, out var etag))
            {
                return Results.NotFound();
            }

            // A versioned URL (VendoredAssets.UrlOf, what the pages link) names these exact bytes: browsers keep it a year
            // without asking again. Any other URL is revalidated by its entity tag on every use.
            context.Response.Headers.CacheControl = VendoredAssets.IsCurrentVersion(name, context.Request.Query["v"])
                ? "public, max-age=31536000, immutable"
                : "no-cache";
            context.Response.Headers.Vary = "Accept-Encoding";
            // Compressed when the browser takes it (every browser takes gzip, and br over HTTPS): Leaflet crosses the wire
            // at a third of its size or less. Each compressed form is another representation, with its own entity tag.
            var accepted = StaticEncodings.Preferred(context.Request.Headers.AcceptEncoding.ToString());
            byte[]? compressed = null;
            if (accepted == "br" && VendoredAssets.TryGetBrotli(name, out var brotli))
            {
                compressed = brotli;
            }
            else if (accepted is "br" or "gzip" && VendoredAssets.TryGetCompressed(name, out var gzip))
            {
                compressed = gzip;
                accepted = "gzip";
            }

            var tag = compressed is null ? etag : etag[..^1] + (accepted == "br" ? "-br\"" : "-gz\"");
            if (context.Request.Headers.IfNoneMatch == tag)
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            if (compressed is not null)
            {
                context.Response.Headers.ContentEncoding = accepted;
            }

            return Results.Bytes(compressed ?? content, type, entityTag: new EntityTagHeaderValue(tag));
        });
        endpoints.MapGet("/orders", async (HttpContext context, DashboardStore store, IOptions<DashboardOptions> options) =>
        {
            var query = OrderListQuery.Parse(context.Request.Query);
            var page = await store.UseAsync((orders, _, token) => OrderBrowser.PageAsync(orders, query, options.Value.PageSize, token), context.RequestAborted).ConfigureAwait(false);
            // Always the whole page: htmx picks #results out of it (hx-select), a browser without scripts shows it all.
            return Html(OrdersPage.Render(query, page, DashboardAccess.UserOf(context), tableOnly: false));
        });
        endpoints.MapGet("/orders/export.csv", async (HttpContext context, DashboardStore store) =>
        {
            var rows = await ExportAsync(context, store).ConfigureAwait(false);
            using var writer = new StringWriter();
            await OrderCsvExporter.WriteAsync(rows.ToAsyncEnumerable(), writer, context.RequestAborted).ConfigureAwait(false);
            return Results.File(Encoding.UTF8.GetBytes(writer.ToString()), "text/csv; charset=utf-8", "orders.csv");
        });
        endpoints.MapGet("/orders/export.xlsx", async (HttpContext context, DashboardStore store) =>
        {
            var rows = await ExportAsync(context, store).ConfigureAwait(false);
            using var stream = new MemoryStream();
            await OrderXlsxExporter.WriteAsync(rows.ToAsyncEnumerable(), stream, context.RequestAborted).ConfigureAwait(false);
            return Results.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "orders.xlsx");
        });
        endpoints.MapGet("/orders/{id:long}", (HttpContext context, long id, DashboardStore store, IAntiforgery antiforgery) =>
            DetailAsync(context, id, store, antiforgery, error: null));
        endpoints.MapGet("/orders/{id:long}/message.html", async (HttpContext context, long id, DashboardStore store) =>
        {
            var message = await store.UseAsync(
                async (orders, _, token) => await LoadMessageAsync(orders, await orders.GetOrderAsync(id, token).ConfigureAwait(false), token).ConfigureAwait(false),
                context.RequestAborted).ConfigureAwait(false);
            if (message?.Html is null)
            {
                return Results.NotFound();
            }

            context.Response.Headers.ContentSecurityPolicy = MessageHtmlPolicy;
            context.Response.Headers.XFrameOptions = "SAMEORIGIN";
            return Results.Content("<!DOCTYPE html><meta charset=\"utf-8\">" + MailHtmlSanitizer.Sanitize(message.Html), "text/html; charset=utf-8");
        });
        endpoints.MapGet("/orders/{id:long}/attachments/{index:int}", async (HttpContext context, long id, int index, DashboardStore store) =>
        {
            var message = await store.UseAsync(
                async (orders, _, token) => await LoadMessageAsync(orders, await orders.GetOrderAsync(id, token).ConfigureAwait(false), token).ConfigureAwait(false),
                context.RequestAborted).ConfigureAwait(false);
            var attachment = message?.Attachments.FirstOrDefault(a => a.Index == index);
            var content = attachment is null ? null : message!.AttachmentContent(index);
            if (attachment is null || content is null)
            {
                return Results.NotFound();
            }

            // Always a download of opaque bytes: an attached .html must never render in the dashboard's origin.
            context.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
            return Results.File(content, "application/octet-stream", attachment.FileName);
        });
        endpoints.MapPost("/orders/{id:long}/corrections", async (HttpContext context, long id, DashboardStore store, IAntiforgery antiforgery, TimeProvider clock) =>
        {
            if (await RefuseAsync(context, antiforgery).ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            var user = DashboardAccess.UserOf(context);
            string? error = null;
            var found = await store.UseAsync(
                async (orders, corrections, token) =>
                {
                    if (await orders.GetOrderAsync(id, token).ConfigureAwait(false) is not { } read)
                    {
                        return false;
                    }

                    var current = CorrectedOrders.Apply(read, await corrections.ForAsync(id, token).ConfigureAwait(false)).Order;
                    var now = clock.GetUtcNow();
                    foreach (var field in OrderFieldEditor.FieldsOf(current).ToList())
                    {
                        if (!form.TryGetValue(field, out var submitted))
                        {
                            continue;
                        }

                        var before = OrderFieldEditor.Read(current, field);
                        var value = string.IsNullOrWhiteSpace(submitted) ? null : submitted.ToString().Trim();
                        // A text input cannot hold line breaks: a value read across lines comes back with spaces, which is no correction.
                        if (string.Equals(Collapse(before), Collapse(value), StringComparison.Ordinal))
                        {
                            continue;
                        }

                        if (!OrderFieldEditor.TrySet(current, field, value, out var updated, out var problem))
                        {
                            error = problem;
                            continue;
                        }

                        // What is stored is the value as the editor writes it back (12500.0 → 12500), so the audit shows what exports show.
                        await corrections.AddAsync(id, field, before, OrderFieldEditor.Read(updated, field), user.Name, now, token).ConfigureAwait(false);
                        current = updated;
                    }

                    return true;
                },
                context.RequestAborted).ConfigureAwait(false);
            if (!found)
            {
                return Results.NotFound();
            }

            return error is null
                ? Results.Redirect($"/orders/{id}", permanent: false)
                : await DetailAsync(context, id, store, antiforgery, error, StatusCodes.Status400BadRequest).ConfigureAwait(false);
        });
        endpoints.MapPost("/orders/{id:long}/status", async (HttpContext context, long id, DashboardStore store, IAntiforgery antiforgery, TimeProvider clock) =>
        {
            if (await RefuseAsync(context, antiforgery).ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            if (!OrderStatusNames.TryParse(form["status"], out var status))
            {
                return await DetailAsync(context, id, store, antiforgery, "Unknown status: choose one of the list.", StatusCodes.Status400BadRequest).ConfigureAwait(false);
            }

            var user = DashboardAccess.UserOf(context);
            var found = await store.UseAsync(
                async (orders, corrections, token) =>
                {
                    if (await orders.GetOrderAsync(id, token).ConfigureAwait(false) is null)
                    {
                        return false;
                    }

                    await corrections.SetStatusAsync(id, status, user.Name, clock.GetUtcNow(), token).ConfigureAwait(false);
                    return true;
                },
                context.RequestAborted).ConfigureAwait(false);
            return found ? Results.Redirect($"/orders/{id}", permanent: false) : Results.NotFound();
        });
        return endpoints;
    }

    private static async Task<IResult> DetailAsync(HttpContext context, long id, DashboardStore store, IAntiforgery antiforgery, string? error, int statusCode = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var user = DashboardAccess.UserOf(context);
        var page = await store.UseAsync(
            async (orders, corrections, token) =>
            {
                if (await orders.GetOrderAsync(id, token).ConfigureAwait(false) is not { } read)
                {
                    return null;
                }

                var list = await corrections.ForAsync(id, token).ConfigureAwait(false);
                return OrderDetailPage.Render(read, CorrectedOrders.Apply(read, list), await corrections.StatusOfAsync(id, token).ConfigureAwait(false), list,
                    await LoadMessageAsync(orders, read, token).ConfigureAwait(false), user, tokens.RequestToken!, error, StopsMap(context, id));
            },
            context.RequestAborted).ConfigureAwait(false);
        return page is null ? Results.NotFound() : Html(page, statusCode);
    }

    /// <summary>The order's stops on a small map (the map pages' policy lets the tiles load).</summary>
    private static HtmlBuilder StopsMap(HttpContext context, long id)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value;
        context.Response.Headers.ContentSecurityPolicy = Map.MapTiles.ContentSecurityPolicy(options.MapTileUrl);
        return Pages.MapPage.MapElement($"/api/v1/map/lanes?order={id}", options, "Map of this order's stops", small: true);
    }

    private static ValueTask<List<StoredOrder>> ExportAsync(HttpContext context, DashboardStore store)
    {
        var query = OrderListQuery.Parse(context.Request.Query) with { After = null };
        return store.UseAsync((orders, _, token) => OrderBrowser.AllAsync(orders, query, token), context.RequestAborted);
    }

    private static async ValueTask<MessageView?> LoadMessageAsync(IOrderStore orders, StoredOrder? order, CancellationToken cancellationToken)
    {
        if (order is null || await orders.GetRawMessageAsync(order.Message.LedgerKey, cancellationToken).ConfigureAwait(false) is not { } raw)
        {
            return null;
        }

        return MessageView.Parse(order.Message.SourceKey, raw);
    }

    /// <summary>A refusal (400 without a valid antiforgery token, 403 for a user who may not correct), or null to go on.</summary>
    private static async Task<IResult?> RefuseAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return Html(PageLayout.Render("Refused", DashboardAccess.UserOf(context), new HtmlBuilder().Add($"""
                <h1>Refused</h1><p>This change came without a valid form token, so it was not made. Reload the order and submit the form again.</p>
                """)), StatusCodes.Status400BadRequest);
        }

        if (!DashboardAccess.UserOf(context).MayCorrect)
        {
            return Html(PageLayout.Render("Not allowed", DashboardAccess.UserOf(context), new HtmlBuilder().Add($"""
                <h1>Not allowed</h1><p>Your role may read orders but not change them. Ask an administrator to add you to Dashboard:Dispatchers (users of a sign-in proxy) or to run fleetmanager users set-role (built-in users).</p>
                """)), StatusCodes.Status403Forbidden);
        }

        return null;
    }

    private static string? Collapse(string? text) =>
        text is null ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static IResult Html(string page, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(page, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
}
