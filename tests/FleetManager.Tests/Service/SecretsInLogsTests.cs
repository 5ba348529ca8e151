using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Service;

/// <summary>
/// Secrets planted in every configuration source (appsettings.json, FLEETMANAGER__ variables, the
/// original tool's variables) and a message body with a marker never reach the logs of a real run.
/// </summary>
public sealed class SecretsInLogsTests : IDisposable
{
    private const string BodyMarker = "BODYMARKER-7c1e-please-collect-at-dawn";

    private static readonly string[] Secrets =
    [
        "S3cret-appsettings-gemini-7f3a",
        "S3cret-appsettings-imap-91b2",
        "S3cret-env-openai-55aa",
        "S3cret-env-sheets-client-6e6e",
        "S3cret-legacy-gemini-0c0c",
        "S3cret-legacy-maps-1d1d",
    ];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task PollOnce_SecretsInEveryConfigurationSource_NoneInLogs()
    {
        var mail = Path.Combine(_temp.Path, "mail");
        SampleMessages.CopyTo(mail, 2);
        File.WriteAllText(Path.Combine(mail, "marker.eml"),
            "From: Dispatch <dispatch@example.com>\r\nTo: orders@example.com\r\nSubject: Transport order 4411\r\n" +
            "Message-ID: <marker-4411@example.com>\r\nDate: Thu, 26 Nov 2026 10:00:00 +0100\r\n\r\n" +
            $"Loading Berlin 10115, unloading Poznan 60-001. {BodyMarker}\r\n");
        File.WriteAllText(Path.Combine(_temp.Path, "appsettings.json"), $$"""
            {
              "Gemini": { "ApiKey": "{{Secrets[0]}}" },
              "Imap": { "Password": "{{Secrets[1]}}" },
              "Sources": [ { "Name": "inbox", "Kind": "folder", "Folder": { "Path": "mail" } } ]
            }
            """);
        var environment = new Dictionary<string, string>
        {
            ["FLEETMANAGER__OPENAI__APIKEY"] = Secrets[2],
            ["FLEETMANAGER__SHEETS__CLIENTSECRET"] = Secrets[3],
            ["GEMINI_API_KEY"] = Secrets[4],
            ["GOOGLE_MAPS_API_KEY"] = Secrets[5],
            ["LOG_LEVEL"] = "Trace",
        };

        using var poll = ServiceProcess.Start(_temp.Path, environment, "poll", "--once", "--db", _temp.File("fm.db"));
        var exitCode = await poll.WaitForExitAsync(TimeSpan.FromMinutes(3));

        Assert.True(exitCode == 0, poll.Output);
        Assert.Contains("marker.eml from inbox: processed", poll.Output, StringComparison.Ordinal);
        AssertClean(poll.Output);

        // The same with JSON logs, where structured state is written out in full.
        environment["FLEETMANAGER__LOGGING__FORMAT"] = "json";
        using var again = ServiceProcess.Start(_temp.Path, environment, "poll", "--once", "--db", _temp.File("fm2.db"));
        Assert.True(await again.WaitForExitAsync(TimeSpan.FromMinutes(3)) == 0, again.Output);
        Assert.Contains("\"EventId\":100", again.Output, StringComparison.Ordinal);
        AssertClean(again.Output);
    }

    private static void AssertClean(string output)
    {
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(BodyMarker, output, StringComparison.Ordinal);
    }
}
