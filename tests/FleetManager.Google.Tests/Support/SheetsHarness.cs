using FleetManager.Core.Pipeline;
using FleetManager.Google.Auth;
using FleetManager.Google.Sheets;
using FleetManager.StandIns.Sheets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FleetManager.Google.Tests.Support;

/// <summary>
/// A Sheets stand-in plus the sink wired exactly as the application wires it (AddSheets), with an
/// in-memory outbox and a fake token. <see cref="NewProcess"/> builds a second container over the same
/// outbox and sheet: a restarted process that has forgotten everything but the store.
/// </summary>
internal sealed class SheetsHarness : IAsyncDisposable
{
    private readonly List<ServiceProvider> _providers = [];
    private readonly Dictionary<string, string?> _settings;

    private SheetsHarness(SheetsStandIn standIn, Dictionary<string, string?> settings)
    {
        StandIn = standIn;
        _settings = settings;
        Pusher = NewProcess();
    }

    public SheetsStandIn StandIn { get; }

    public InMemoryOutbox Outbox { get; } = new();

    public FakeAccessTokenProvider Tokens { get; } = new();

    /// <summary>What the next <see cref="NewProcess"/> takes its tokens from (<see cref="Tokens"/> unless a test sets a real provider).</summary>
    public IGoogleAccessTokenProvider? TokenProvider { get; set; }

    public SheetsOutboxPusher Pusher { get; private set; }

    public static async Task<SheetsHarness> StartAsync(int batchSize = 100, TimeSpan? attemptTimeout = null, int maxAmbiguousRetries = 3, string range = "Sheet1", string? spreadsheetId = null)
    {
        var standIn = new SheetsStandIn(SheetsStandIn.DefaultSpreadsheetId, "Sheet1", "Orders 2026");
        await standIn.StartAsync();
        return new SheetsHarness(standIn, new Dictionary<string, string?>
        {
            ["Sheets:BaseUrl"] = standIn.BaseAddress.ToString(),
            ["Sheets:SpreadsheetId"] = spreadsheetId ?? standIn.SpreadsheetId,
            ["Sheets:Range"] = range,
            ["Sheets:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Sheets:AttemptTimeout"] = (attemptTimeout ?? TimeSpan.FromSeconds(10)).ToString("c"),
            ["Sheets:RetryBaseDelay"] = "00:00:00.001",
            ["Sheets:MaxRetryAttempts"] = "3",
            ["Sheets:MaxAmbiguousRetries"] = maxAmbiguousRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    /// <summary>A fresh container (fresh pusher, no remembered sheet state) over the same outbox and stand-in.</summary>
    public SheetsOutboxPusher NewProcess()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IOutbox>(Outbox);
        services.AddSingleton(TokenProvider ?? Tokens);
        services.AddSheets(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        _providers.Add(provider);
        _ = provider.GetRequiredService<IOptions<SheetsOptions>>().Value;
        Pusher = provider.GetRequiredService<SheetsOutboxPusher>();
        return Pusher;
    }

    public void AddOrders(int from, int to)
    {
        for (var n = from; n <= to; n++)
        {
            Outbox.Add(OrderPayloads.KeyOf(n), OrderPayloads.Order(n));
        }
    }

    /// <summary>The keys in column A below the header.</summary>
    public List<string> KeysInSheet(string tab = "Sheet1") => [.. StandIn.Rows(tab).Skip(1).Select(r => r[0])];

    public int Count(string method) => StandIn.Requests.Count(r => r.Method == method);

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await StandIn.DisposeAsync();
    }
}
