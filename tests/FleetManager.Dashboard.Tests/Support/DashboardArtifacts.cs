using FleetManager.Tests.Support;

namespace FleetManager.Dashboard.Tests.Support;

/// <summary>Where the browser tests leave what a person looks at afterwards (kept as CI artifacts).</summary>
internal static class DashboardArtifacts
{
    /// <summary>TestResults/dashboard at the repository root.</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "TestResults", "dashboard")).FullName;
}
