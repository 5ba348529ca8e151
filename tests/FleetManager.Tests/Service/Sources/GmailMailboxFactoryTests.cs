using FleetManager.Google.Auth;
using FleetManager.Hosting;
using FleetManager.Service;
using FleetManager.Service.Sources;
using FleetManager.StandIns.Gmail;
using FleetManager.StandIns.OAuth;
using FleetManager.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace FleetManager.Tests.Service.Sources;

/// <summary>
/// Gmail sources as keyed services of the one container <c>poll</c> and <c>doctor</c> build
/// (<see cref="VerbHostBuilder"/> + <c>AddFleetManagerService</c>), resolved in-process against the Gmail
/// stand-ins: each source reads its own account, with its own settings laid over the shared ones.
/// </summary>
public sealed class GmailMailboxFactoryTests : IAsyncLifetime, IDisposable
{
    private const string GmailScope = "https://www.googleapis.com/auth/gmail.modify";

    private readonly TempDirectory _temp = new();
    private readonly OAuthTokenStandIn _oauth = new();
    private readonly GmailStandIn _office = new();
    private readonly GmailStandIn _depot = new();

    public async Task InitializeAsync()
    {
        await _oauth.StartAsync();
        await _office.StartAsync();
        await _depot.StartAsync();
        _oauth.RefreshTokens["1//service"] = GmailScope;
        _oauth.Clients["svc.apps.googleusercontent.com"] = "s";
        _office.TokenIssuer = _oauth;
        _depot.TokenIssuer = _oauth;
    }

    public async Task DisposeAsync()
    {
        await _depot.DisposeAsync();
        await _office.DisposeAsync();
        await _oauth.DisposeAsync();
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Create_TwoGmailSources_EachReadsItsOwnAccount()
    {
        var officeMessage = SampleBytes(0);
        var depotMessage = SampleBytes(1);
        _office.Deliver(officeMessage, DateTimeOffset.UtcNow.AddMinutes(-1));
        _depot.Deliver(depotMessage, DateTimeOffset.UtcNow.AddMinutes(-1));
        var configuration = Configuration(new()
        {
            ["Sources:0:Name"] = "office",
            ["Sources:0:Kind"] = "gmail",
            ["Sources:0:Gmail:BaseUrl"] = _office.BaseAddress.AbsoluteUri,
            ["Sources:1:Name"] = "depot",
            ["Sources:1:Kind"] = "gmail",
            ["Sources:1:Gmail:BaseUrl"] = _depot.BaseAddress.AbsoluteUri,
        });
        using var host = BuildHost(configuration);
        var gmail = GmailFactory(host);

        Assert.Empty(gmail.Validate(new SourceOptions { Name = "office", Kind = "gmail" }, configuration.GetSection("Sources:0")));
        var office = await ReadAllAsync(gmail.Create(new SourceOptions { Name = "office", Kind = "gmail" }, configuration.GetSection("Sources:0"), host.Services));
        var depot = await ReadAllAsync(gmail.Create(new SourceOptions { Name = "depot", Kind = "gmail" }, configuration.GetSection("Sources:1"), host.Services));

        Assert.Equal(officeMessage, Assert.Single(office));
        Assert.Equal(depotMessage, Assert.Single(depot));
    }

    [Fact]
    public void Validate_SourceWithoutCredential_NamesTheSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sources:0:Name"] = "office",
            ["Sources:0:Kind"] = "gmail",
        }).Build();
        using var host = BuildHost(configuration);

        var failures = GmailFactory(host).Validate(new SourceOptions { Name = "office", Kind = "gmail" }, configuration.GetSection("Sources:0")).ToList();

        Assert.Contains(failures, f => f.Contains("GMAIL_CREDENTIALS_FILE", StringComparison.Ordinal));
    }

    private IConfiguration Configuration(Dictionary<string, string?> sources)
    {
        var credentials = _temp.File("client_secret.json");
        var token = _temp.File("google-token.json");
        SecretFilePermissions.WriteAllTextPrivate(credentials, """{"installed":{"client_id":"svc.apps.googleusercontent.com","client_secret":"s"}}""");
        RefreshTokenFile.Write(token, new StoredRefreshToken("1//service", null, null, DateTimeOffset.UtcNow));
        var settings = new Dictionary<string, string?>(sources)
        {
            ["Gmail:CredentialsFile"] = credentials,
            ["Gmail:TokenFile"] = token,
            ["Gmail:RetryBaseDelay"] = "00:00:00.010",
            ["Google:TokenUrl"] = _oauth.TokenUrl.AbsoluteUri,
        };
        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    private IHost BuildHost(IConfiguration configuration)
    {
        var builder = VerbHostBuilder.Create(configuration);
        builder.Services.AddFleetManagerService(configuration, _temp.File("book.db"));
        return builder.Build();
    }

    private static IMailboxFactory GmailFactory(IHost host) => host.Services.GetServices<IMailboxFactory>().Single(f => f.Kind == "gmail");

    private static byte[] SampleBytes(int index) =>
        File.ReadAllBytes(Directory.GetFiles(RepoPaths.Samples, "*.eml").Order(StringComparer.Ordinal).ElementAt(index));

    private static async Task<List<byte[]>> ReadAllAsync(FleetManager.Core.Pipeline.IMailbox mailbox)
    {
        var messages = new List<byte[]>();
        await foreach (var message in mailbox.ReadNewAsync(null, CancellationToken.None))
        {
            messages.Add(message.Bytes.ToArray());
        }

        return messages;
    }
}
