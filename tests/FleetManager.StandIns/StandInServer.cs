using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FleetManager.StandIns;

/// <summary>
/// Base of every stand-in: an in-process Kestrel server on a free loopback port that records each
/// request and applies the <see cref="Faults"/> plan before the API's own handler runs.
/// </summary>
public abstract class StandInServer : IAsyncDisposable
{
    private WebApplication? _app;

    public FaultPlan Faults { get; } = new();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The server's base address, ending with a slash (for example <c>http://127.0.0.1:41234/</c>).</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Maps the API's routes.</summary>
    protected abstract void Map(WebApplication app);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Use(ApplyFaultsAsync);
        Map(app);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        _app = app;
    }

    private async Task ApplyFaultsAsync(HttpContext context, RequestDelegate next)
    {
        context.Request.EnableBuffering();
        string body;
        using (var reader = new StreamReader(context.Request.Body, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        context.Request.Body.Position = 0;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var fault = Faults.Next();
        Requests.Enqueue(new RecordedRequest(DateTimeOffset.UtcNow, context.Request.Method, context.Request.Path + context.Request.QueryString, headers, body, (fault as Fault.Status)?.Code ?? (fault as Fault.StatusAfterEffect)?.Code));
        switch (fault)
        {
            case null or Fault.None:
                await next(context).ConfigureAwait(false);
                return;
            case Fault.Status status:
                context.Response.StatusCode = status.Code;
                foreach (var (name, value) in status.Headers ?? new Dictionary<string, string>())
                {
                    context.Response.Headers[name] = value;
                }

                context.Response.ContentType = "application/json; charset=UTF-8";
                await context.Response.WriteAsync(status.Body, context.RequestAborted).ConfigureAwait(false);
                return;
            case Fault.Reset:
                Abort(context);
                return;
            case Fault.Delay delay:
                await Task.Delay(delay.Duration, context.RequestAborted).ConfigureAwait(false);
                await next(context).ConfigureAwait(false);
                return;
            case Fault.Truncate:
                await TruncatedAsync(context, next).ConfigureAwait(false);
                return;
            case Fault.DelayAfterEffect held:
                var answer = await RunDiscardingResponseAsync(context, next).ConfigureAwait(false);
                await Task.Delay(held.Duration, context.RequestAborted).ConfigureAwait(false);
                await context.Response.Body.WriteAsync(answer, context.RequestAborted).ConfigureAwait(false);
                return;
            case Fault.ResetAfterEffect:
                await RunDiscardingResponseAsync(context, next).ConfigureAwait(false);
                Abort(context);
                return;
            case Fault.StatusAfterEffect after:
                await RunDiscardingResponseAsync(context, next).ConfigureAwait(false);
                context.Response.Clear();
                context.Response.StatusCode = after.Code;
                context.Response.ContentType = "application/json; charset=UTF-8";
                await context.Response.WriteAsync(after.Body, context.RequestAborted).ConfigureAwait(false);
                return;
        }
    }

    /// <summary>Runs the real handler, then sends a Content-Length larger than the half body written and drops the connection.</summary>
    private static async Task TruncatedAsync(HttpContext context, RequestDelegate next)
    {
        var full = await RunDiscardingResponseAsync(context, next).ConfigureAwait(false);
        context.Response.ContentLength = full.Length;
        await context.Response.Body.WriteAsync(full.AsMemory(0, full.Length / 2), context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        Abort(context);
    }

    private static async Task<byte[]> RunDiscardingResponseAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        return buffer.ToArray();
    }

    private static void Abort(HttpContext context)
    {
        var lifetime = context.Features.Get<IConnectionLifetimeFeature>();
        if (lifetime is not null)
        {
            lifetime.Abort();
        }
        else
        {
            context.Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }
}
