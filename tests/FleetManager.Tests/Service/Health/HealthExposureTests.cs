using FleetManager.Service;
using FleetManager.Storage;
using FleetManager.Storage.Sqlite;
using FleetManager.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using FleetManager.Service.Sources;

namespace FleetManager.Tests.Service.Health;

/// <summary>
/// Issue 12 §4 and §5: the unauthenticated endpoints keep paths, user names, addresses and error texts to
/// themselves unless Service:HealthDetail says otherwise, and a damaged store makes the service not ready.
/// </summary>
public sealed class HealthExposureTests : IDisposable
{
    private const string Address = "dispo.canary@example.com";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Urls_Default_LoopbackOnly()
    {
        Assert.Equal("http://127.0.0.1:8080", new ServiceOptions().Urls);
    }

    [Fact]
    public async Task Status_SourceFailsWithoutHealthDetail_NoPathUserNameOrErrorText()
    {
        var mailbox = new GatedMailbox(Address) { AlwaysOpen = true, Failure = new HttpRequestException($"login {Address} refused by imap.example.com") };
        await using var host = await ServiceTestHost.StartAsync(_temp.File("fm.db"), new Dictionary<string, string?>
        {
            ["Sources:0:Name"] = Address,
            ["Sources:0:Kind"] = "test",
            ["Sources:0:Interval"] = "00:01:00",
        }, s => s.AddSingleton<IMailboxFactory>(new TestMailboxKind(mailbox)));

        var body = await host.WaitForStatusAsync("/healthz", 503, b => b.GetProperty("sources")[0].GetProperty("consecutive_failures").GetInt32() > 0);
        var ready = await host.GetJsonAsync("/healthz/ready");
        var text = body.GetRawText() + ready.Body.GetRawText();

        Assert.DoesNotContain(Address, text, StringComparison.Ordinal);
        Assert.DoesNotContain("refused by", text, StringComparison.Ordinal);
        Assert.DoesNotContain(_temp.Path, text, StringComparison.Ordinal);
        Assert.Contains("temporarily unavailable", body.GetProperty("sources")[0].GetProperty("last_error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_SourceNamedByAddress_LabelledByPseudonym()
    {
        var mail = Path.Combine(_temp.Path, "mail");
        SampleMessages.CopyTo(mail, 2);
        await using var host = await ServiceTestHost.StartAsync(_temp.File("fm.db"), new Dictionary<string, string?>
        {
            ["Sources:0:Name"] = Address,
            ["Sources:0:Kind"] = "folder",
            ["Sources:0:Folder:Path"] = mail,
        });

        var status = await host.WaitForStatusAsync("/healthz", 200, b => b.GetProperty("sources")[0].GetProperty("last_success").ValueKind != System.Text.Json.JsonValueKind.Null);
        var metrics = await host.Http.GetStringAsync(new Uri(host.BaseAddress, "/metrics"));

        Assert.Contains("fleetmanager_messages", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(Address, metrics, StringComparison.Ordinal);
        Assert.Contains(FleetManager.Core.Diagnostics.FleetManagerMetrics.PublicSourceName(Address), metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(Address, status.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(_temp.Path, status.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_DamagedStore_Is503SayingItIsDamaged()
    {
        var db = _temp.File("fm.db");
        SqliteOrderBook.Open(db).Dispose();
        DamagedOrderBook.DamagePage(db, 2);
        var mail = Directory.CreateDirectory(_temp.File("mail")).FullName;
        await using var host = await ServiceTestHost.StartAsync(db, new Dictionary<string, string?>
        {
            ["Sources:0:Name"] = "inbox",
            ["Sources:0:Kind"] = "folder",
            ["Sources:0:Folder:Path"] = mail,
        });

        var (status, body) = await host.GetJsonAsync("/healthz/ready");

        Assert.Equal(503, status);
        Assert.Contains("damaged", body.GetRawText(), StringComparison.Ordinal);
    }

    public sealed class Redaction : IDisposable
    {
        private readonly TempDirectory _temp = new();

        public void Dispose() => _temp.Dispose();

        [Fact]
        public async Task Status_ErrorQuotingATokenFromATokenFile_TokenMasked()
        {
            // The refresh token lives only in a file the configuration names: the redactor reads it from there.
            var tokenFile = _temp.File("gmail-token.json");
            await File.WriteAllTextAsync(tokenFile, """{"refresh_token":"1//CANARY-refresh-token-0042"}""");
            var mailbox = new GatedMailbox("inbox") { AlwaysOpen = true, Failure = new HttpRequestException("token 1//CANARY-refresh-token-0042 was refused") };
            await using var host = await ServiceTestHost.StartAsync(_temp.File("fm.db"), new Dictionary<string, string?>
            {
                ["Sources:0:Name"] = "inbox",
                ["Sources:0:Kind"] = "test",
                ["Sources:0:Interval"] = "00:01:00",
                ["Gmail:TokenFile"] = tokenFile,
                ["Service:HealthDetail"] = "true",
            }, s => s.AddSingleton<IMailboxFactory>(new TestMailboxKind(mailbox)));

            var body = await host.WaitForStatusAsync("/healthz", 503, b => b.GetProperty("sources")[0].GetProperty("consecutive_failures").GetInt32() > 0);

            Assert.DoesNotContain("CANARY", body.GetRawText(), StringComparison.Ordinal);
            Assert.Contains("token *** was refused", body.GetProperty("sources")[0].GetProperty("last_error").GetString(), StringComparison.Ordinal);
        }
    }
}
