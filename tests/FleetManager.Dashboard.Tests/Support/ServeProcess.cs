using System.Diagnostics;
using System.Text.RegularExpressions;
using FleetManager.Tests.Support;

namespace FleetManager.Dashboard.Tests.Support;

/// <summary>A running <c>fleetmanager serve</c> child process; <see cref="Port"/> is the port it printed.</summary>
internal sealed partial class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private ServeProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Runs the CLI to completion (import) and returns its exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> RunCliAsync(params string[] args) =>
        RunCliAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs the CLI to completion with <paramref name="environment"/> (a lowered limit) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunCliAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(args, environment))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Runs the CLI to completion with <paramref name="input"/> piped to standard input (a password for <c>users add</c>).</summary>
    public static async Task<(int ExitCode, string Output)> RunCliWithInputAsync(string input, params string[] args)
    {
        var info = StartInfo(args, new Dictionary<string, string>());
        info.RedirectStandardInput = true;
        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Starts <c>serve --db DB --urls URLS</c> with <paramref name="environment"/> and waits for its "Dashboard: URL" line.</summary>
    public static async Task<ServeProcess> StartAsync(string db, string urls, IReadOnlyDictionary<string, string> environment)
    {
        var process = Process.Start(StartInfo(["serve", "--db", db, "--urls", urls], environment))!;
        var ready = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lines = new System.Text.StringBuilder();
        void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (lines)
            {
                lines.AppendLine(line);
            }

            if (DashboardLine().Match(line) is { Success: true } match)
            {
                ready.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(ready.Task, exited, Task.Delay(TimeSpan.FromMinutes(2)));
        if (first != ready.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("serve did not print its URL: " + lines);
        }

        return new ServeProcess(process, await ready.Task);
    }

    /// <summary>
    /// Starts <c>run --db DB</c> listening on a free loopback port, with <paramref name="environment"/> (its sources), and
    /// waits until the dashboard answers there.
    /// </summary>
    public static async Task<ServeProcess> StartRunAsync(string db, IReadOnlyDictionary<string, string> environment)
    {
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var settings = new Dictionary<string, string>(environment) { ["FLEETMANAGER__SERVICE__URLS"] = $"http://127.0.0.1:{port}" };
        var process = Process.Start(StartInfo(["run", "--db", db], settings))!;
        var service = new ServeProcess(process, port);
        process.OutputDataReceived += (_, e) => service.Add(e.Data);
        process.ErrorDataReceived += (_, e) => service.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await client.GetAsync(new Uri($"http://127.0.0.1:{port}/status"))).IsSuccessStatusCode)
                {
                    return service;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        service.Dispose();
        throw new InvalidOperationException("run did not answer on its port: " + service.Output);
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(RepoPaths.CliDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("DATA_DIR");
        info.Environment.Remove("FLEETMANAGER__STORAGE__CONNECTIONSTRING");
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }

    [GeneratedRegex(@"^Dashboard: http://[^:]+:(\d+)/orders")]
    private static partial Regex DashboardLine();
}
