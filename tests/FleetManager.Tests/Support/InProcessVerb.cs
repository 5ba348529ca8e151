using FleetManager.Commands;
using Microsoft.Extensions.Configuration;

namespace FleetManager.Tests.Support;

/// <summary>
/// What a verb run in-process needs from a test: a temporary folder, the writers its output and errors go to, and
/// a <see cref="VerbEnvironment"/> over a configuration the test gives (no environment variable of the machine).
/// </summary>
internal sealed class InProcessVerb : IDisposable
{
    public TempDirectory Temp { get; } = new();

    /// <summary>The verb's output; safe to read while the verb's threads write (a host's log lines).</summary>
    public StringWriter Out { get; } = new LockedStringWriter();

    /// <summary>The verb's error writer; safe to read while the verb's threads write.</summary>
    public StringWriter Error { get; } = new LockedStringWriter();

    public VerbEnvironment Environment(Dictionary<string, string?>? settings = null) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build(), Out, Error);

    /// <summary>A whole command line run in-process over <see cref="Environment"/> of <paramref name="settings"/>: parsing, defaults, the verb; its exit code.</summary>
    public Task<int> RunAsync(Dictionary<string, string?> settings, params string[] args) => CommandLine.RunAsync(args, Environment(settings));

    public void Dispose()
    {
        Out.Dispose();
        Error.Dispose();
        Temp.Dispose();
    }
}
