using Microsoft.Extensions.Configuration;

namespace FleetManager.Hosting;

/// <summary>
/// The warning <c>serve</c> and <c>run</c> give when the dashboard listens beyond loopback but nobody could sign in:
/// beyond loopback everyone signs in, and with no user and no sign-in proxy there is nobody to sign in as.
/// </summary>
internal static class DashboardSignInCheck
{
    /// <summary>Whether the user count matters at all: some address is not loopback and no sign-in proxy is trusted.</summary>
    public static bool NeedsUsers(string urls, IConfiguration configuration) =>
        !ListenUrls.LoopbackOnly(urls) && !configuration.GetSection("Dashboard:TrustedProxies").GetChildren().Any();

    /// <summary>The warning for a dashboard on <paramref name="urls"/> over the book at <paramref name="location"/> without users.</summary>
    public static string NobodyCanSignIn(string urls, string location) =>
        $"The dashboard listens on {urls} but {location} has no users, so nobody can sign in from another machine. "
        + "Add one with 'fleetmanager users add NAME --role dispatcher' (or set Dashboard:TrustedProxies for a sign-in proxy).";
}
