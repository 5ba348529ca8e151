using System.Net;
using System.Net.Sockets;
using System.Text;
using FleetManager.StandIns;
using FleetManager.StandIns.Gemini;
using FleetManager.Tests.Support;
using Xunit;

namespace FleetManager.Tests.Commands;

/// <summary>
/// Issue 12 §4: a configured secret that an upstream error echoes back never reaches standard output,
/// standard error or the order book file — for <c>import</c> (model and IMAP), <c>poll</c> and <c>run</c>.
/// </summary>
public sealed class SecretCanaryCommandTests : IDisposable
{
    private const string Canary = "AIzaCANARY-0123456789-secret";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A Gemini stand-in that refuses every request with a body quoting the request's key header, as some proxies do.</summary>
    private static async Task<GeminiStandIn> EchoingGeminiAsync()
    {
        var gemini = new GeminiStandIn { ApiKey = Canary };
        await gemini.StartAsync();
        gemini.Faults.FailRandomly(1.0, _ => new Fault.Status(400,
            GoogleErrorBody.Of(400, "INVALID_ARGUMENT", $"Request rejected. Headers: x-goog-api-key: {Canary}; content-type: application/json")));
        return gemini;
    }

    private static void UseGemini(System.Diagnostics.ProcessStartInfo info, GeminiStandIn gemini)
    {
        info.Environment["GEMINI_API_KEY"] = Canary;
        info.Environment["FLEETMANAGER__GEMINI__BASEURL"] = gemini.BaseAddress.AbsoluteUri;
        info.Environment["FLEETMANAGER__GEMINI__REQUESTSPERMINUTE"] = "100000";
        info.Environment["FLEETMANAGER__GEMINI__RETRYBASEDELAY"] = "00:00:00.010";
    }

    private void AssertNoCanary(CliProcess.Result result, string db)
    {
        Assert.DoesNotContain(Canary, result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, result.StdErr, StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(_temp.Path, Path.GetFileName(db) + "*"))
        {
            // The ledger's quarantine reasons (and anything else in the file or its WAL).
            Assert.DoesNotContain(Canary, Encoding.UTF8.GetString(File.ReadAllBytes(file)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Import_ModelErrorEchoesTheApiKey_KeyNeitherPrintedNorStored()
    {
        await using var gemini = await EchoingGeminiAsync();
        var db = _temp.File("book.db");
        var info = CliProcess.StartInfo("import", RepoPaths.Samples, "--reader", "gemini", "--db", db, "--quiet");
        UseGemini(info, gemini);

        var result = await CliProcess.RunAsync(info);

        Assert.NotEmpty(gemini.Requests);
        Assert.Contains("Request rejected", result.StdOut + result.StdErr + Encoding.UTF8.GetString(File.ReadAllBytes(db)), StringComparison.Ordinal);
        AssertNoCanary(result, db);
    }

    [Fact]
    public async Task PollOnce_ModelErrorEchoesTheApiKey_KeyNeitherPrintedNorStored()
    {
        await using var gemini = await EchoingGeminiAsync();
        var mail = _temp.File("mail");
        SampleMessages.CopyTo(mail, 2);
        var db = _temp.File("book.db");
        var info = CliProcess.StartInfo("poll", "--once", "--db", db);
        UseGemini(info, gemini);
        info.Environment["FLEETMANAGER__SOURCES__0__NAME"] = "inbox";
        info.Environment["FLEETMANAGER__SOURCES__0__KIND"] = "folder";
        info.Environment["FLEETMANAGER__SOURCES__0__FOLDER__PATH"] = mail;
        info.Environment["FLEETMANAGER__SOURCES__0__READER"] = "gemini";
        info.Environment["FLEETMANAGER__LOGGING__LOGLEVEL__DEFAULT"] = "Debug";

        var result = await CliProcess.RunAsync(info);

        Assert.NotEmpty(gemini.Requests);
        AssertNoCanary(result, db);
    }

    /// <summary>
    /// A minimal IMAP server that greets, answers CAPABILITY, and refuses LOGIN quoting the whole LOGIN line
    /// (password included) in its answer, as some servers do. Runs until <paramref name="stop"/>.
    /// </summary>
    private static async Task ServeEchoingImapAsync(TcpListener listener, List<string> received, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            using var client = await listener.AcceptTcpClientAsync(stop);
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("* OK [CAPABILITY IMAP4rev1] stand-in ready");
            while (await reader.ReadLineAsync(stop) is { } line)
            {
                lock (received)
                {
                    received.Add(line);
                }

                var tag = line.Split(' ')[0];
                if (line.Contains(" LOGIN ", StringComparison.OrdinalIgnoreCase))
                {
                    await writer.WriteLineAsync($"{tag} NO [AUTHENTICATIONFAILED] LOGIN {line}");
                }
                else if (line.Contains(" LOGOUT", StringComparison.OrdinalIgnoreCase))
                {
                    await writer.WriteLineAsync("* BYE");
                    await writer.WriteLineAsync($"{tag} OK LOGOUT completed");
                    break;
                }
                else
                {
                    await writer.WriteLineAsync("* CAPABILITY IMAP4rev1");
                    await writer.WriteLineAsync($"{tag} OK completed");
                }
            }
        }
    }

    [Fact]
    public async Task ImportImap_ServerEchoesTheLoginLine_PasswordNeitherPrintedNorStoredAndExitsSix()
    {
        const string password = "ImapCanary0123456789secret";
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var stop = new CancellationTokenSource();
        var received = new List<string>();
        var server = ServeEchoingImapAsync(listener, received, stop.Token);
        var db = _temp.File("book.db");
        var info = CliProcess.StartInfo("import", "--source", "imap", "--db", db);
        info.Environment["FLEETMANAGER__IMAP__HOST"] = "127.0.0.1";
        info.Environment["FLEETMANAGER__IMAP__PORT"] = ((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["FLEETMANAGER__IMAP__SECURITY"] = "None";
        info.Environment["FLEETMANAGER__IMAP__USERNAME"] = "dispatch";
        info.Environment["FLEETMANAGER__IMAP__PASSWORD"] = password;

        CliProcess.Result result;
        try
        {
            result = await CliProcess.RunAsync(info);
        }
        finally
        {
            await stop.CancelAsync();
            listener.Stop();
            try
            {
                await server;
            }
            catch (Exception stopped) when (stopped is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
            {
                // The listener was stopped under the accept: the server is done.
            }
        }

        // The stand-in did see the password (so the echo really carried it) ...
        lock (received)
        {
            Assert.Contains(received, line => line.Contains(password, StringComparison.Ordinal));
        }

        // ... and the user is told to fix the credential, without it.
        Assert.Equal(6, result.ExitCode);
        Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain(password, result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain(password, result.StdErr, StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(_temp.Path, "book.db*"))
        {
            Assert.DoesNotContain(password, Encoding.UTF8.GetString(File.ReadAllBytes(file)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Run_ModelErrorEchoesTheApiKey_KeyNeitherLoggedNorStored()
    {
        await using var gemini = await EchoingGeminiAsync();
        var mail = _temp.File("mail");
        SampleMessages.CopyTo(mail, 2);
        var db = _temp.File("book.db");
        var environment = new Dictionary<string, string>
        {
            ["GEMINI_API_KEY"] = Canary,
            ["FLEETMANAGER__GEMINI__BASEURL"] = gemini.BaseAddress.AbsoluteUri,
            ["FLEETMANAGER__GEMINI__REQUESTSPERMINUTE"] = "100000",
            ["FLEETMANAGER__GEMINI__RETRYBASEDELAY"] = "00:00:00.010",
            ["FLEETMANAGER__SOURCES__0__NAME"] = "inbox",
            ["FLEETMANAGER__SOURCES__0__KIND"] = "folder",
            ["FLEETMANAGER__SOURCES__0__FOLDER__PATH"] = mail,
            ["FLEETMANAGER__SOURCES__0__READER"] = "gemini",
            ["FLEETMANAGER__SERVICE__URLS"] = "http://127.0.0.1:0",
            ["FLEETMANAGER__LOGGING__LOGLEVEL__DEFAULT"] = "Debug",
        };

        using (var service = ServiceProcess.Start(_temp.Path, environment, "run", "--db", db))
        {
            // Until the refusal has been handled (logged, or the message recorded), or the service stopped.
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (DateTime.UtcNow < deadline && !service.HasExited &&
                   !service.Output.Contains("Request rejected", StringComparison.Ordinal) && OrderBookProbe.Sqlite(db).LedgerRows() == 0)
            {
                await Task.Delay(200);
            }

            if (!service.HasExited)
            {
                service.Terminate();
            }

            await service.WaitForExitAsync(TimeSpan.FromSeconds(60));
            Assert.NotEmpty(gemini.Requests);
            Assert.DoesNotContain(Canary, service.Output, StringComparison.Ordinal);
        }

        foreach (var file in Directory.GetFiles(_temp.Path, "book.db*"))
        {
            Assert.DoesNotContain(Canary, Encoding.UTF8.GetString(File.ReadAllBytes(file)), StringComparison.Ordinal);
        }
    }
}
