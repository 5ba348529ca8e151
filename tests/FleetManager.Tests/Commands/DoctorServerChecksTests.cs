using System.Text.Json;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// <c>fleetmanager doctor</c> as the server's health check: it changes nothing, shows no password, finds a
/// damaged store, warns about old tokens, and speaks JSON to a monitor.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DoctorServerChecksTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<(int ExitCode, string Output)> DoctorAsync(IDictionary<string, string> environment, params string[] args)
    {
        using var process = ServiceProcess.Start(_temp.Path, environment, ["doctor", .. args]);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (exitCode, process.Output);
    }

    [Fact]
    public async Task Doctor_DataDirMissing_FailsAndCreatesNeitherTheFolderNorTheDatabase()
    {
        var dataDir = _temp.File("data");

        var (exitCode, output) = await DoctorAsync(new Dictionary<string, string> { ["DATA_DIR"] = dataDir });

        Assert.Equal(1, exitCode);
        Assert.Contains($"FAIL  data dir: {dataDir} does not exist", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dataDir), "doctor created DATA_DIR");
        Assert.False(File.Exists(_temp.File("fleetmanager.db")), "doctor created a database");
    }

    [Fact]
    public async Task Doctor_PostgresUriWithPassword_NeverPrintsThePasswordNorCreatesAFolder()
    {
        const string password = "Sup3rSecretPw";
        var before = Directory.GetFileSystemEntries(_temp.Path);

        var (exitCode, output) = await DoctorAsync(new Dictionary<string, string>(), "--db", $"postgres://fleet:{password}@127.0.0.1:1/orders");

        Assert.Equal(1, exitCode);
        Assert.DoesNotContain(password, output, StringComparison.Ordinal);
        Assert.Contains("postgresql://127.0.0.1:1/orders", output, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task Doctor_RandomBytesInTheMiddleOfTheDatabase_FailsTheStoreCheck()
    {
        var db = _temp.File("fm.db");
        Assert.Equal(0, (await CliProcess.RunAsync("import", RepoPaths.Samples, "--db", db, "--quiet")).ExitCode);
        var intact = await DoctorAsync(new Dictionary<string, string>(), "--db", db);
        Assert.True(intact.ExitCode == 0, intact.Output);
        Assert.Contains("ok    store integrity: PRAGMA integrity_check: ok", intact.Output, StringComparison.Ordinal);
        DamagedFile.OverwriteMiddle(db);
        var lengthBefore = new FileInfo(db).Length;

        var (exitCode, output) = await DoctorAsync(new Dictionary<string, string>(), "--db", db);

        Assert.Equal(1, exitCode);
        Assert.Contains("FAIL  store", output, StringComparison.Ordinal);
        Assert.Contains("fleetmanager db restore", output, StringComparison.Ordinal);
        Assert.Equal(lengthBefore, new FileInfo(db).Length);
    }

    [Fact]
    public async Task Doctor_TokenFileOlderThanThirtyDays_WarnsInJson()
    {
        var db = _temp.File("fm.db");
        Assert.Equal(0, (await CliProcess.RunAsync("db", "migrate", "--db", db)).ExitCode);
        var token = _temp.File("token.json");
        File.WriteAllText(token, "{}");
        File.SetUnixFileMode(token, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.SetLastWriteTimeUtc(token, DateTime.UtcNow.AddDays(-40));

        var (exitCode, output) = await DoctorAsync(new Dictionary<string, string> { ["FLEETMANAGER__GMAIL__TOKENFILE"] = token }, "--db", db, "--json");

        // No network here: the Gmail endpoint check fails; the token's warning is what this test is about.
        Assert.Equal(1, exitCode);
        using var report = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]);
        // Two warnings: the token's, and the default inbox source that no poll has read yet (a migrated, unused book).
        Assert.Equal(2, report.RootElement.GetProperty("warnings").GetInt32());
        var line = report.RootElement.GetProperty("checks").EnumerateArray().Single(c => string.Equals(c.GetProperty("check").GetString(), "credentials Gmail:TokenFile", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("warn", line.GetProperty("status").GetString());
        Assert.Contains("40 days", line.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("fleetmanager auth google", line.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_SourcePolledJustNow_ReportsItsAgeAndPasses()
    {
        var (db, environment) = await PolledFolderSourceAsync();

        var (exitCode, output) = await DoctorAsync(environment, "--db", db);

        Assert.True(exitCode == 0, output);
        Assert.Matches(@"ok    poll office: last successful poll \d+ s ago \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\); stale after 3 min", output);
    }

    [Fact]
    public async Task Doctor_SourceLastPolledTwoHoursAgo_FailsAsStaleInTextAndJson()
    {
        var (db, environment) = await PolledFolderSourceAsync();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + db + ";Pooling=False"))
        {
            // Two hours pass without a poll (the service stopped): only the cursor's time says so.
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE source_cursor SET saved_at = $at WHERE source = 'office'";
            command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.AddHours(-2).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var text = await DoctorAsync(environment, "--db", db);
        var (exitCode, output) = await DoctorAsync(environment, "--db", db, "--json");

        Assert.Equal(1, text.ExitCode);
        Assert.Contains("FAIL  poll office: last successful poll 2 h 0 min ago", text.Output, StringComparison.Ordinal);
        Assert.Equal(1, exitCode);
        using var report = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]);
        Assert.Equal(1, report.RootElement.GetProperty("failed").GetInt32());
        var line = report.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("check").GetString() == "poll office");
        Assert.Equal("fail", line.GetProperty("status").GetString());
        Assert.Contains("stale", line.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Service:StaleAfterIntervals", line.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A folder source named office (every minute), polled once into a new order book.</summary>
    private async Task<(string Db, Dictionary<string, string> Environment)> PolledFolderSourceAsync()
    {
        var db = _temp.File("fm.db");
        var inbox = Directory.CreateDirectory(_temp.File("inbox")).FullName;
        SampleMessages.CopyTo(inbox, 1);
        var environment = new Dictionary<string, string>
        {
            ["FLEETMANAGER__SOURCES__0__NAME"] = "office",
            ["FLEETMANAGER__SOURCES__0__KIND"] = "folder",
            ["FLEETMANAGER__SOURCES__0__FOLDER__PATH"] = inbox,
        };
        var poll = await CliProcess.RunAsync(environment, "poll", "--once", "--db", db);
        Assert.True(poll.ExitCode == 0, poll.StdErr);
        return (db, environment);
    }
}
