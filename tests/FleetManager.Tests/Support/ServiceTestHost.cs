using System.Net.Http.Json;
using System.Text.Json;
using FleetManager.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FleetManager.Tests.Support;

/// <summary>
/// The real <c>run</c> host (Kestrel on a free port of 127.0.0.1, real HTTP), in-process so a test can
/// add its own source kinds, time provider or lease store.
/// </summary>
internal sealed class ServiceTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServiceTestHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ServiceTestHost> StartAsync(string databasePath, IDictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase)
        {
            ["Service:Urls"] = "http://127.0.0.1:0",
        };
        values.TryAdd("Logging:LogLevel:Default", "Warning");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        // The log lines go where they went before verbs had writers: the test runner's console.
        var builder = ServiceHost.CreateBuilder(configuration, databasePath, Console.Out, colors: false);
        configure?.Invoke(builder.Services);
        var app = ServiceHost.Build(builder);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ServiceTestHost(app, new Uri(address));
    }

    public async Task<(int Status, JsonElement Body)> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return ((int)response.StatusCode, body);
    }

    /// <summary>Asks <paramref name="path"/> until it answers <paramref name="status"/> (the host works on its own schedule); fails after 60 s.</summary>
    public async Task<JsonElement> WaitForStatusAsync(string path, int status, Func<JsonElement, bool>? also = null)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        (int Status, JsonElement Body) last = default;
        while (!deadline.IsCancellationRequested)
        {
            last = await GetJsonAsync(path);
            if (last.Status == status && (also is null || also(last.Body)))
            {
                return last.Body;
            }

            await Task.Delay(50, CancellationToken.None);
        }

        throw new TimeoutException($"{path} did not answer {status} within 60 s; last answer {last.Status}: {last.Body}");
    }

    public async Task StopAsync() => await _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
    }
}
