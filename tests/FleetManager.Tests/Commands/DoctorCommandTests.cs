using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

// Credential-file modes are a Unix matter; the service runs on Linux.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]

/// <summary><c>fleetmanager doctor</c> as a user runs it: one line per check, the fix for each failure, exit 0/1.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DoctorCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<CliProcess.Result> DoctorAsync(string credentials, string endpoint, bool pollFirst = false)
    {
        File.WriteAllText(Path.Combine(_temp.Path, "appsettings.json"), $$"""
            {
              "Gmail": { "CredentialsFile": "{{credentials}}", "BaseUrl": "{{endpoint}}", "TokenUrl": "{{endpoint}}token" },
              "Sources": [ { "Name": "inbox", "Kind": "folder", "Folder": { "Path": "{{_temp.Path}}" } } ]
            }
            """);
        // doctor changes nothing: the data folder and the order book must exist, as on a set-up server.
        Directory.CreateDirectory(_temp.File("data"));
        Assert.Equal(0, (await CliProcess.RunAsync("db", "migrate", "--db", _temp.File("data/fm.db"))).ExitCode);
        if (pollFirst)
        {
            // The service has polled its source (doctor's "poll inbox" line warns about a source never polled).
            var info = CliProcess.StartInfo("poll", "--once", "--db", _temp.File("data/fm.db"));
            info.WorkingDirectory = _temp.Path;
            var poll = await CliProcess.RunAsync(info);
            Assert.True(poll.ExitCode == 0, poll.StdErr);
        }

        using var process = ServiceProcess.Start(_temp.Path, new Dictionary<string, string>(), "doctor", "--db", _temp.File("data/fm.db"));
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return new CliProcess.Result(exitCode, process.Output, "");
    }

    [Fact]
    public async Task Doctor_CredentialFileReadableByOthers_FailsWithChmodFix()
    {
        await using var endpoint = await ServiceTestHost.StartAsync(_temp.File("other.db"), new Dictionary<string, string?> { ["Sources:0:Name"] = "x", ["Sources:0:Kind"] = "folder", ["Sources:0:Folder:Path"] = _temp.Path });
        var credentials = _temp.File("credentials.json");
        File.WriteAllText(credentials, "{}");
        File.SetUnixFileMode(credentials, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var result = await DoctorAsync(credentials, endpoint.BaseAddress.ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"fix: chmod 600 {credentials}", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("ok    store:", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("ok    configuration: valid", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_EverythingInOrder_ExitsZeroWithOneLinePerCheck()
    {
        await using var endpoint = await ServiceTestHost.StartAsync(_temp.File("other.db"), new Dictionary<string, string?> { ["Sources:0:Name"] = "x", ["Sources:0:Kind"] = "folder", ["Sources:0:Folder:Path"] = _temp.Path });
        var credentials = _temp.File("credentials.json");
        File.WriteAllText(credentials, "{}");
        File.SetUnixFileMode(credentials, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var result = await DoctorAsync(credentials, endpoint.BaseAddress.ToString(), pollFirst: true);

        Assert.True(result.ExitCode == 0, result.StdOut);
        foreach (var check in new[] { "configuration", "data dir", "credentials Gmail:CredentialsFile", "store", "poll inbox", "endpoint Gmail" })
        {
            Assert.Contains("ok    " + check, result.StdOut, StringComparison.Ordinal);
        }

        Assert.Contains("All checks passed.", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_EndpointUnreachable_FailsWithoutShowingThePath()
    {
        var credentials = _temp.File("credentials.json");
        File.WriteAllText(credentials, "{}");
        File.SetUnixFileMode(credentials, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var result = await DoctorAsync(credentials, "http://127.0.0.1:1/secret-path/");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("http://127.0.0.1:1 is not reachable", result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-path", result.StdOut, StringComparison.Ordinal);
    }
}
