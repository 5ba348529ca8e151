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

    public StringWriter Out { get; } = new();

    public StringWriter Error { get; } = new();

    public VerbEnvironment Environment(Dictionary<string, string?>? settings = null) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build(), Out, Error);

    public void Dispose()
    {
        Out.Dispose();
        Error.Dispose();
        Temp.Dispose();
    }
}
