using FleetManager.Commands;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// <c>db migrate|backup|restore|purge</c> run in-process: the <c>Storage</c> settings come from the
/// <see cref="VerbEnvironment"/> the test gives and the results go to its writers, without starting a process.
/// </summary>
public sealed class DbCommandInProcessTests : IDisposable
{
    private readonly InProcessVerb _verb = new();

    public void Dispose() => _verb.Dispose();

    [Fact]
    public void Migrate_NewBookThenAgain_CreatesTheSchemaThenSaysUpToDate()
    {
        var db = _verb.Temp.File("fm.db");

        var first = DbCommand.Migrate(_verb.Environment(), db);
        var firstLine = _verb.Out.ToString().TrimEnd();
        _verb.Out.GetStringBuilder().Clear();
        var second = DbCommand.Migrate(_verb.Environment(), db);

        Assert.Equal(ExitCodes.Success, first);
        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(db)}: schema version [0-9]+ -> [1-9][0-9]*$", firstLine);
        Assert.Equal(ExitCodes.Success, second);
        Assert.EndsWith(", already up to date", _verb.Out.ToString().TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Purge_RetentionNotInTheSettings_ExitsConfigurationWithOneLineAndOpensNothing()
    {
        var db = _verb.Temp.File("fm.db");

        var exitCode = await DbCommand.PurgeAsync(_verb.Environment(), db, CancellationToken.None);

        Assert.Equal(ExitCodes.Configuration, exitCode);
        var line = Assert.Single(_verb.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: Storage:RawMessageRetention is not set", line, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public async Task Purge_RetentionFromTheGivenSettings_PurgesAndKeepsTheLedger()
    {
        var db = _verb.Temp.File("fm.db");
        Assert.Equal(ExitCodes.Success, DbCommand.Migrate(_verb.Environment(), db));
        _verb.Out.GetStringBuilder().Clear();

        var exitCode = await DbCommand.PurgeAsync(_verb.Environment(new() { ["Storage:RawMessageRetention"] = "30" }), db, CancellationToken.None);

        Assert.True(exitCode == ExitCodes.Success, _verb.Error.ToString());
        Assert.Matches(@": purged 0 raw messages processed before \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC; ledger rows and orders kept$", _verb.Out.ToString().TrimEnd());
    }

    [Fact]
    public void BackupThenRestore_SqliteBook_WritesTheCopyAndRestoresIt()
    {
        var db = _verb.Temp.File("fm.db");
        Assert.Equal(ExitCodes.Success, DbCommand.Migrate(_verb.Environment(), db));
        _verb.Out.GetStringBuilder().Clear();
        var folder = _verb.Temp.File("backups");

        var backup = DbCommand.Backup(_verb.Environment(), db, folder, keep: 1);
        var written = Assert.Single(Directory.GetFiles(folder));
        var restore = DbCommand.Restore(_verb.Environment(), written, db);

        Assert.True(backup == ExitCodes.Success, _verb.Error.ToString());
        Assert.True(restore == ExitCodes.Success, _verb.Error.ToString());
        var lines = _verb.Out.ToString().TrimEnd().Split('\n');
        Assert.StartsWith($"backup written: {written} (", lines[0], StringComparison.Ordinal);
        Assert.Equal($"restored {written}", lines[^1]);
    }

    [Fact]
    public void Restore_BackupMissing_ExitsOrderBookUnavailableWithTheFixAndNoStackTrace()
    {
        var db = _verb.Temp.File("fm.db");
        var missing = _verb.Temp.File("no-such-backup.db");

        var exitCode = DbCommand.Restore(_verb.Environment(), missing, db);

        Assert.Equal(ExitCodes.OrderBookUnavailable, exitCode);
        Assert.Equal(
            $"error: the backup {missing} does not exist. Give a file from the backup folder (fleetmanager-*.db).",
            _verb.Error.ToString().TrimEnd());
        Assert.Equal("", _verb.Out.ToString());
    }

    [Fact]
    public void Restore_IntoAFolderThatDoesNotExist_SaysWhichFolderInOneLineAndCreatesNothing()
    {
        var source = NewBook();
        Assert.Equal(ExitCodes.Success, DbCommand.Backup(_verb.Environment(), source, _verb.Temp.File("backups"), keep: null));
        var backup = Directory.GetFiles(_verb.Temp.File("backups")).Single();
        var folder = _verb.Temp.File("no-such-folder");

        var exitCode = DbCommand.Restore(_verb.Environment(), backup, Path.Combine(folder, "fm.db"));

        Assert.Equal(ExitCodes.OrderBookUnavailable, exitCode);
        // The same line as any verb given a book in a folder that does not exist.
        Assert.Equal(
            $"error: Order book '{Path.Combine(folder, "fm.db")}' cannot be used: its folder '{folder}' does not exist. Create the folder first, or fix --db (or Storage:ConnectionString / DATA_DIR).",
            _verb.Error.ToString().TrimEnd());
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Backup_ToAPathThatIsAFile_SaysItIsAFileInOneLine()
    {
        var db = NewBook();
        var file = AFile("not-a-folder");

        var exitCode = DbCommand.Backup(_verb.Environment(), db, file, keep: null);

        Assert.Equal(ExitCodes.OrderBookUnavailable, exitCode);
        Assert.Equal(
            $"error: the backup folder {file} is a file. Give --to a folder (it is created when missing).",
            _verb.Error.ToString().TrimEnd());
    }

    [Fact]
    public void Backup_ToAFolderThatCannotBeCreated_SaysWhichFolderAndWhatToDoInOneLine()
    {
        var db = NewBook();
        var below = Path.Combine(AFile("a-file"), "backups");

        var exitCode = DbCommand.Backup(_verb.Environment(), db, below, keep: null);

        Assert.Equal(ExitCodes.OrderBookUnavailable, exitCode);
        var error = _verb.Error.ToString().TrimEnd();
        Assert.StartsWith($"error: the backup folder {below} cannot be created: ", error, StringComparison.Ordinal);
        Assert.EndsWith("Give --to a folder this user can write (for example one under DATA_DIR).", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
    }

    /// <summary>An empty, migrated order book in the test's folder.</summary>
    private string NewBook()
    {
        var db = _verb.Temp.File("fm.db");
        Assert.Equal(ExitCodes.Success, DbCommand.Migrate(_verb.Environment(), db));
        _verb.Out.GetStringBuilder().Clear();
        return db;
    }

    /// <summary>A plain file where a folder is expected.</summary>
    private string AFile(string name)
    {
        var file = _verb.Temp.File(name);
        File.WriteAllText(file, "x");
        return file;
    }
}
