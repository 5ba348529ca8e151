using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>Mistakes a user can make get one clear line and a distinct exit code, never a stack trace.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Version_PrintsTheVersion()
    {
        var result = await CliProcess.RunAsync("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.StdOut.Trim());
    }

    [Fact]
    public async Task Help_ListsEveryVerb()
    {
        var result = await CliProcess.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var verb in new[] { "import", "extract", "eval", "orders" })
        {
            Assert.Contains(verb, result.StdOut);
        }
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("extract", "--format", "yaml", "x.eml")]
    [InlineData("import")]
    public async Task BadArguments_ExitTwoWithOneClearError(params string[] args)
    {
        var result = await CliProcess.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error:", result.StdErr);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task Import_MissingPath_ExitsThreeNamingThePath()
    {
        var result = await CliProcess.RunAsync("import", _temp.File("nope"), "--db", _temp.File("book.db"));

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("nope", result.StdErr);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task Import_DatabaseIsNotSqlite_ExitsFour()
    {
        var notADatabase = _temp.File("book.db");
        await File.WriteAllTextAsync(notADatabase, "this is a text file, not an SQLite database, and it is long enough to have a header\n");

        var result = await CliProcess.RunAsync("import", RepoPaths.Samples, "--db", notADatabase);

        Assert.Equal(4, result.ExitCode);
        Assert.StartsWith("error:", result.StdErr);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task OrdersList_NoDatabase_ExitsFourAndSaysWhatToDo()
    {
        var result = await CliProcess.RunAsync("orders", "list", "--db", _temp.File("missing.db"));

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("import", result.StdErr);
        Assert.False(File.Exists(_temp.File("missing.db")), "reading must not create an empty order book");
    }

    private static void AssertNoStackTrace(CliProcess.Result result)
    {
        Assert.DoesNotContain("   at ", result.StdErr);
        Assert.DoesNotContain("Exception", result.StdErr);
    }

    public void Dispose() => _temp.Dispose();
}
