using System.Diagnostics;

namespace FleetManager.Tests.Support;

/// <summary>Runs the real <c>fleetmanager</c> executable as a child process, as a user would.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    /// <summary>
    /// Set to a published executable (for example the Native AOT build) to run every CLI test against
    /// it instead of <c>dotnet fleetmanager.dll</c> from this build.
    /// </summary>
    public const string ExecutableVariable = "FLEETMANAGER_TEST_EXECUTABLE";

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var executable = Environment.GetEnvironmentVariable(ExecutableVariable);
        var info = new ProcessStartInfo(string.IsNullOrEmpty(executable) ? "dotnet" : executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (string.IsNullOrEmpty(executable))
        {
            info.ArgumentList.Add(RepoPaths.CliDll);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("DATA_DIR");
        info.Environment.Remove("FLEETMANAGER__STORAGE__CONNECTIONSTRING");
        return info;
    }

    public static Task<Result> RunAsync(params string[] args) => RunAsync(StartInfo(args));

    /// <summary>Runs with extra environment variables (for example <c>FLEETMANAGER__GMAIL__BASEURL</c>).</summary>
    public static Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = StartInfo(args);
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return RunAsync(info);
    }

    /// <summary>Runs with <paramref name="input"/> piped to standard input (then closed), as <c>printf ... | fleetmanager ...</c> would.</summary>
    public static async Task<Result> RunWithInputAsync(string input, params string[] args)
    {
        var info = StartInfo(args);
        info.RedirectStandardInput = true;
        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        return await CollectAsync(process);
    }

    public static async Task<Result> RunAsync(ProcessStartInfo info)
    {
        using var process = Process.Start(info)!;
        return await CollectAsync(process);
    }

    private static async Task<Result> CollectAsync(Process process)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
