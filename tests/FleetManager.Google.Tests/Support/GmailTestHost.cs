using FleetManager.Core.Pipeline;
using FleetManager.Core.Rules;
using FleetManager.Google.Gmail;
using FleetManager.Mail.Parsing;
using FleetManager.StandIns.Gmail;
using FleetManager.StandIns.OAuth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FleetManager.Google.Tests.Support;

/// <summary>
/// The Gmail and OAuth stand-ins, a private credential and token file in a temporary folder, and the
/// services of <see cref="GmailServiceCollectionExtensions.AddGmail"/> pointed at them.
/// </summary>
internal sealed class GmailTestHost : IAsyncDisposable
{
    public const string RefreshToken = "1//stand-in-refresh";

    public const string ClientId = "123-stand-in.apps.googleusercontent.com";

    public const string ClientSecret = "stand-in-secret";

    private ServiceProvider? _services;

    public GmailStandIn Gmail { get; } = new();

    public OAuthTokenStandIn OAuth { get; } = new();

    public string Folder { get; } = Directory.CreateTempSubdirectory("fm-gmail-").FullName;

    /// <summary>The mailbox's clock: 2026-11-26 12:00 UTC.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public InMemoryCursorStore Cursors { get; } = new();

    public InMemoryOrderBook Book { get; } = new();

    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string CredentialsFile => Path.Combine(Folder, "client_secret.json");

    public string TokenFile => Path.Combine(Folder, "gmail-token.json");

    public static async Task<GmailTestHost> StartAsync()
    {
        var host = new GmailTestHost();
        await host.Gmail.StartAsync();
        await host.OAuth.StartAsync();
        host.OAuth.RefreshTokens[RefreshToken] = GmailScopes.Modify;
        host.OAuth.Clients[ClientId] = ClientSecret;
        host.Gmail.TokenIssuer = host.OAuth;
        Google.Auth.SecretFilePermissions.WriteAllTextPrivate(host.CredentialsFile,
            $$$"""{"installed":{"client_id":"{{{ClientId}}}","client_secret":"{{{ClientSecret}}}","redirect_uris":["http://localhost"]}}""");
        Google.Auth.RefreshTokenFile.Write(host.TokenFile, new Google.Auth.StoredRefreshToken(RefreshToken, GmailScopes.Modify, null, host.Time.GetUtcNow()));
        host.Settings["Google:TokenUrl"] = host.OAuth.TokenUrl.ToString();
        host.Settings["Gmail:BaseUrl"] = host.Gmail.BaseAddress.ToString();
        host.Settings["Gmail:CredentialsFile"] = host.CredentialsFile;
        host.Settings["Gmail:TokenFile"] = host.TokenFile;
        host.Settings["Gmail:RetryBaseDelay"] = "00:00:00.010";
        return host;
    }

    public IServiceProvider Services => _services ??= Build();

    private ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var services = new ServiceCollection();
        services.AddGmail(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public GmailQuotaMeter Quota => Services.GetRequiredService<GmailQuotaMeter>();

    /// <summary>A mailbox on the fake clock (the HTTP retries keep the real one: their delays are milliseconds here).</summary>
    public GmailMailbox CreateMailbox() =>
        new(Services.GetRequiredService<GmailClient>(), Services.GetRequiredService<IOptions<GmailOptions>>(), Time);

    public Task<ImportSummary> PollAsync(GmailMailbox? mailbox = null) =>
        new MailboxPoller(new MessageProcessor(new MimeEmailParser(), new RulesOrderReader(), null), Book, Cursors, Time)
            .PollAsync(mailbox ?? CreateMailbox(), null, CancellationToken.None);

    private DateTimeOffset _nextReceived = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Delivers order messages <c>from</c>..<c>from+count-1</c>, a minute apart from 2026-11-24 on; returns their ids.</summary>
    public IReadOnlyList<string> Deliver(int from, int count) =>
        Enumerable.Range(from, count).Select(n =>
        {
            _nextReceived = _nextReceived.AddMinutes(1);
            return Gmail.Deliver(TestMessages.Order(n), _nextReceived);
        }).ToList();

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await Gmail.DisposeAsync();
        await OAuth.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
