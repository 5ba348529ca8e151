using System.Reflection;

namespace FleetManager.Service;

/// <summary>This process as a lease holder and as a build: host, process id and a random part; version and commit.</summary>
internal sealed class ServiceIdentity
{
    public string Holder { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    public string Version { get; }

    public string? Commit { get; }

    public ServiceIdentity()
    {
        var informational = typeof(ServiceIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        Version = plus < 0 ? informational : informational[..plus];
        Commit = plus < 0 ? null : informational[(plus + 1)..];
    }
}
