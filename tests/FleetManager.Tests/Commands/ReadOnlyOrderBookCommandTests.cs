using System.Text.Json;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// Issue 12 §6: the reading verbs work on an order book that cannot be written (a read-only file, or a
/// read-only folder where SQLite cannot create the WAL's -shm), and the writing verbs stop with exit 4 and
/// one line naming the fix. As root (CI) file modes mean nothing, so the book sits on a tmpfs that is
/// remounted read-only (or under a read-only bind mount); otherwise file modes make it read-only.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ReadOnlyOrderBookCommandTests : IDisposable
{
    private readonly ScratchMount? _mount = ScratchMount.IsRoot ? new ScratchMount("16m") : null;
    private readonly TempDirectory _temp = new();

    private string Folder => _mount?.Path ?? _temp.Path;

    /// <summary>The sample mailbox imported into a book in <see cref="Folder"/>, closed (no -wal or -shm left).</summary>
    private async Task<string> ImportedBookAsync()
    {
        var db = Path.Combine(Folder, "book.db");
        var import = await CliProcess.RunAsync("import", RepoPaths.Samples, "--db", db, "--quiet");
        Assert.Equal(0, import.ExitCode);
        Assert.Equal(["book.db"], Directory.GetFiles(Folder).Select(Path.GetFileName));
        return db;
    }

    private void MakeFolderReadOnly(string db)
    {
        if (_mount is not null)
        {
            _mount.RemountReadOnly();
        }
        else
        {
            File.SetUnixFileMode(db, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            File.SetUnixFileMode(Folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }
    }

    private void MakeFileReadOnly(string db)
    {
        if (_mount is not null)
        {
            _mount.BindReadOnly(db);
        }
        else
        {
            File.SetUnixFileMode(db, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }

    [Fact]
    public async Task OrdersVerbs_BookInReadOnlyFolder_ReadTheBookWithoutWritingAnything()
    {
        var db = await ImportedBookAsync();
        var before = await File.ReadAllBytesAsync(db);
        MakeFolderReadOnly(db);

        await AssertReadingVerbsWorkAsync(db);

        Assert.Equal(["book.db"], Directory.GetFiles(Folder).Select(Path.GetFileName));
        Assert.Equal(before, await File.ReadAllBytesAsync(db));
    }

    [Fact]
    public async Task OrdersVerbs_ReadOnlyFileInWritableFolder_ReadTheBookWithoutChangingIt()
    {
        var db = await ImportedBookAsync();
        var before = await File.ReadAllBytesAsync(db);
        MakeFileReadOnly(db);

        await AssertReadingVerbsWorkAsync(db);

        Assert.Equal(before, await File.ReadAllBytesAsync(db));
    }

    [Fact]
    public async Task Import_IntoBookInReadOnlyFolder_ExitsFourWithOneLineNamingTheFix()
    {
        var db = await ImportedBookAsync();
        var before = await File.ReadAllBytesAsync(db);
        MakeFolderReadOnly(db);
        var more = Directory.CreateDirectory(_temp.File("more")).FullName;
        File.WriteAllText(Path.Combine(more, "new.eml"), "From: a@example.com\r\nSubject: Angebot\r\nMessage-ID: <new-on-readonly@test>\r\n\r\nBitte Angebot.\r\n");

        var result = await CliProcess.RunAsync("import", more, "--db", db, "--quiet");

        AssertReadOnlyFailure(result);
        Assert.Equal(before, await File.ReadAllBytesAsync(db));
    }

    [Fact]
    public async Task Import_IntoReadOnlyFile_ExitsFourWithOneLineNamingTheFix()
    {
        var db = await ImportedBookAsync();
        var before = await File.ReadAllBytesAsync(db);
        MakeFileReadOnly(db);
        var more = Directory.CreateDirectory(_temp.File("more")).FullName;
        File.WriteAllText(Path.Combine(more, "new.eml"), "From: a@example.com\r\nSubject: Angebot\r\nMessage-ID: <new-on-readonly-file@test>\r\n\r\nBitte Angebot.\r\n");

        var result = await CliProcess.RunAsync("import", more, "--db", db, "--quiet");

        AssertReadOnlyFailure(result);
        Assert.Equal(before, await File.ReadAllBytesAsync(db));
    }

    private static async Task AssertReadingVerbsWorkAsync(string db)
    {
        var list = await CliProcess.RunAsync("orders", "list", "--db", db);
        Assert.True(list.ExitCode == 0, list.StdErr);
        Assert.Contains("14 orders", list.StdOut);

        var show = await CliProcess.RunAsync("orders", "show", "1", "--db", db);
        Assert.True(show.ExitCode == 0, show.StdErr);
        Assert.StartsWith("order 1 ", show.StdOut);

        var export = await CliProcess.RunAsync("orders", "export", "--format", "json", "--db", db);
        Assert.True(export.ExitCode == 0, export.StdErr);
        using var json = JsonDocument.Parse(export.StdOut);
        Assert.Equal(14, json.RootElement.GetArrayLength());
    }

    private static void AssertReadOnlyFailure(CliProcess.Result result)
    {
        Assert.Equal(4, result.ExitCode);
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.Contains("read-only", line);
        Assert.Contains("Make the order book file and its folder writable", line);
        Assert.DoesNotContain("   at ", result.StdErr);
    }

    public void Dispose()
    {
        if (_mount is null && Directory.Exists(_temp.Path))
        {
            // Give the owner back the right to delete what the test made read-only.
            foreach (var entry in Directory.EnumerateFileSystemEntries(_temp.Path).Append(_temp.Path))
            {
                File.SetUnixFileMode(entry, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        _mount?.Dispose();
        _temp.Dispose();
    }
}
