using Microsoft.Extensions.Hosting;

namespace FleetManager.Hosting;

/// <summary>
/// Why a host stopped on its own: a background service whose work failed stops the host (the framework's
/// <c>StopHost</c> behaviour, logged by the host with its stack trace), and the host's run then ends as after a
/// signal. The verb must not exit 0 then, or a supervisor would take the failure for a clean stop.
/// </summary>
internal static class FailedBackgroundService
{
    /// <summary>
    /// The failure of the first of <paramref name="hostedServices"/> (taken from the host before it runs: the run
    /// disposes its services) whose work failed; null when none did.
    /// </summary>
    public static Exception? FailureOf(IEnumerable<IHostedService> hostedServices) =>
        hostedServices
            .OfType<BackgroundService>()
            .Select(service => service.ExecuteTask)
            .FirstOrDefault(task => task is { IsFaulted: true })
            ?.Exception?.InnerException;
}
