using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

public sealed class ServeCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Serve_MissingOrderBook_SaysToImportFirstAndExitsFour()
    {
        var result = await CliProcess.RunAsync("serve", "--db", _temp.File("missing.db"), "--urls", "http://127.0.0.1:0");

        Assert.Equal(4, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("fleetmanager import", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdErr, StringComparison.Ordinal);
    }
}
