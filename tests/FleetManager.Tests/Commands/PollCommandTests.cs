using FleetManager.Commands;
using FleetManager.Core.Pipeline;
using FleetManager.Service;
using FleetManager.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;
using FleetManager.Service.Sources;

namespace FleetManager.Tests.Commands;

/// <summary><c>poll --once</c>: the real executable for what a user can set up, in-process for failures only a test kind can make.</summary>
public sealed class PollCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private CliProcess.Result Run(IDictionary<string, string> environment, params string[] args)
    {
        var info = CliProcess.StartInfo(args);
        info.WorkingDirectory = _temp.Path;
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(180_000);
        return new CliProcess.Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static Dictionary<string, string> FolderSource(string path) => new()
    {
        ["FLEETMANAGER__SOURCES__0__NAME"] = "inbox",
        ["FLEETMANAGER__SOURCES__0__KIND"] = "folder",
        ["FLEETMANAGER__SOURCES__0__FOLDER__PATH"] = path,
    };

    [Fact]
    public void PollOnce_FolderWithMessages_ExitsZeroAndStoresThem()
    {
        var mail = Path.Combine(_temp.Path, "mail");
        var count = SampleMessages.CopyTo(mail, 3);
        var result = Run(FolderSource(mail), "poll", "--once", "--db", _temp.File("fm.db"));
        Assert.True(result.ExitCode == ExitCodes.Success, result.StdErr + result.StdOut);
        Assert.Equal(count, SourcePollingServiceTestsAccess.LedgerRows(_temp.File("fm.db")));
    }

    [Fact]
    public void PollOnce_UnknownKind_ExitsConfiguration()
    {
        var environment = FolderSource("mail");
        environment["FLEETMANAGER__SOURCES__0__KIND"] = "pigeon";
        var result = Run(environment, "poll", "--once", "--db", _temp.File("fm.db"));
        Assert.Equal(ExitCodes.Configuration, result.ExitCode);
        Assert.Contains("Kind 'pigeon' is unknown", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void PollOnce_FolderMissing_ExitsConfiguration()
    {
        var result = Run(FolderSource(Path.Combine(_temp.Path, "nowhere")), "poll", "--once", "--db", _temp.File("fm.db"));
        Assert.Equal(ExitCodes.Configuration, result.ExitCode);
        Assert.Contains("does not exist", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void PollOnce_StoreIsNotADatabase_ExitsOrderBookUnavailable()
    {
        var mail = Path.Combine(_temp.Path, "mail");
        SampleMessages.CopyTo(mail, 1);
        File.WriteAllText(_temp.File("fm.db"), "this is not a database, it is a shopping list\n".PadRight(4096, '.'));
        var result = Run(FolderSource(mail), "poll", "--once", "--db", _temp.File("fm.db"));
        Assert.Equal(ExitCodes.OrderBookUnavailable, result.ExitCode);
    }

    [Fact]
    public void Poll_WithoutOnce_ExitsUsage()
    {
        var result = Run(new Dictionary<string, string>(), "poll");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }

    [Theory]
    [InlineData("auth", ExitCodes.Authentication)]
    [InlineData("transient", ExitCodes.ServiceUnavailable)]
    [InlineData("config", ExitCodes.Configuration)]
    public async Task PollOnce_SourceFails_ExitCodeSaysWhatToDo(string failure, int expected)
    {
        var mailbox = new GatedMailbox("remote")
        {
            AlwaysOpen = true,
            Failure = failure switch
            {
                "auth" => new SourceAuthenticationException("The server refused the password.", "Fix Imap:Password."),
                "config" => new SourceConfigurationException("No such mailbox.", "Fix Imap:Folder."),
                _ => new HttpRequestException("connection reset"),
            },
        };
        using var services = BuildServices(new TestMailboxKind(mailbox));
        using var error = new StringWriter();

        var result = await PollOnceRunner.RunAsync(services, error, CancellationToken.None, CancellationToken.None);

        Assert.Equal(expected, ExitCodes.ForFailure(result.Worst));
        Assert.Contains("error: source remote", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollOnce_LeaseHeldByAnotherInstance_ExitsTransient()
    {
        var mailbox = new GatedMailbox("remote") { AlwaysOpen = true };
        using var services = BuildServices(new TestMailboxKind(mailbox));
        await services.GetRequiredService<ILeaseStore>().TryAcquireAsync("source:remote", "someone-else", TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow, CancellationToken.None);
        using var error = new StringWriter();

        var result = await PollOnceRunner.RunAsync(services, error, CancellationToken.None, CancellationToken.None);

        Assert.Equal(ExitCodes.ServiceUnavailable, ExitCodes.ForFailure(result.Worst));
        Assert.Equal(0, mailbox.Polls);
        Assert.Contains("another instance holds its lease", error.ToString(), StringComparison.Ordinal);
    }

    private ServiceProvider BuildServices(IMailboxFactory kind)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sources:0:Name"] = "remote",
            ["Sources:0:Kind"] = "test",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddFleetManagerService(configuration, _temp.File("fm.db"));
        services.AddSingleton(kind);
        return services.BuildServiceProvider();
    }
}

/// <summary>Shares the ledger count helper with the command tests.</summary>
internal static class SourcePollingServiceTestsAccess
{
    public static long LedgerRows(string db) => FleetManager.Tests.Service.Sources.SourcePollingServiceTests.LedgerRows(db);
}
