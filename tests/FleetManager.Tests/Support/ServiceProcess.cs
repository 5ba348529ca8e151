using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit;

namespace FleetManager.Tests.Support;

/// <summary>The real <c>fleetmanager</c> executable as a running child process, with its output collected line by line.</summary>
internal sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<(Func<string, bool> Match, TaskCompletionSource Seen)> _waiters = new();

    private ServiceProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Add(e.Data);
        _process.ErrorDataReceived += (_, e) => Add(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static ServiceProcess Start(string workingDirectory, IDictionary<string, string> environment, params string[] args)
    {
        var info = CliProcess.StartInfo(args);
        info.WorkingDirectory = workingDirectory;
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return new ServiceProcess(Process.Start(info)!);
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output => string.Join('\n', _lines);

    /// <summary>
    /// Polls <paramref name="condition"/> every 100 ms until it holds; fails the test with <paramref name="service"/>'s
    /// output when the service exits first or <paramref name="timeout"/> passes (<paramref name="what"/> names the wait).
    /// </summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, ServiceProcess? service, string what, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var deadline = new CancellationTokenSource(timeout);
        while (!await condition())
        {
            if (service is { HasExited: true })
            {
                Assert.Fail($"the service stopped while waiting for {what}: {service.Output}");
            }

            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"no {what} within {(int)timeout.TotalSeconds} s" + (service is null ? "" : ": " + service.Output));
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }

    /// <summary>Completes when a line matching <paramref name="match"/> has been written (or already was).</summary>
    public Task WaitForLineAsync(Func<string, bool> match)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Enqueue((match, seen));
        if (_lines.Any(match))
        {
            seen.TrySetResult();
        }

        return seen.Task;
    }

    /// <summary>Sends SIGTERM, as a container runtime does on stop.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Sends SIGKILL to the process (and any children): no cleanup of any kind runs, as in a crash.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit(); // flushes the redirected output
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        foreach (var (match, seen) in _waiters)
        {
            if (!seen.Task.IsCompleted && match(line))
            {
                seen.TrySetResult();
            }
        }
    }
}
