using System.Net;
using System.Net.Sockets;
using FleetManager.Core.Errors;

namespace FleetManager.Hosting;

/// <summary>
/// The addresses a verb listens on (<c>Service:Urls</c> for <c>run</c>, <c>--urls</c> for <c>serve</c>), in
/// Kestrel's form: <c>;</c>-separated <c>http(s)://host:port</c>, with <c>*</c> or <c>+</c> for all interfaces.
/// </summary>
internal static class ListenUrls
{
    public static string[] Split(string urls) => urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>True when every address is loopback (localhost, 127.x, ::1): nobody on another machine can reach it.</summary>
    public static bool LoopbackOnly(string urls) => Split(urls).All(url =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address))));

    /// <summary>
    /// What is wrong with <paramref name="url"/> as an address to listen on, or null: an absolute <c>http://</c> URL. HTTPS
    /// is left to the front proxy (Caddy or nginx, docs/deployment.md), which owns the certificate: the executable has
    /// no certificate settings, and Kestrel refused an https:// address with an internal error.
    /// </summary>
    public static string? Problem(string url) =>
        !Uri.TryCreate(AllInterfacesAsAddress(url), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            ? $"'{url}' is not an http:// URL"
            : uri.Scheme == "https"
                ? $"'{url}' asks for HTTPS, which FleetManager leaves to a front proxy that holds the certificate (Caddy or nginx, docs/deployment.md): listen on http:// behind it"
                : null;

    /// <summary>
    /// Binds each address for a moment before the host starts, so a port in use is one line naming
    /// <paramref name="setting"/> (exit 5) rather than the host's start-up failure logged with its stack trace.
    /// </summary>
    public static void EnsureFree(string urls, string setting, string fix)
    {
        foreach (var url in Split(urls))
        {
            if (!Uri.TryCreate(AllInterfacesAsAddress(url), UriKind.Absolute, out var uri))
            {
                continue;
            }

            var address = uri.Host switch
            {
                "localhost" => IPAddress.Loopback,
                _ when IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) => parsed,
                _ => null,
            };
            if (address is null)
            {
                continue;
            }

            var probe = new TcpListener(address, uri.Port);
            try
            {
                probe.Start();
            }
            catch (SocketException ex)
            {
                throw new ConfigurationException($"Cannot listen on {url} ({setting}): {ex.Message}.", fix, ex);
            }
            finally
            {
                probe.Stop();
            }
        }
    }

    /// <summary>Whether <paramref name="exception"/> is Kestrel's "Failed to bind to address" (a setting to change, not a crash).</summary>
    public static bool IsAddressInUse(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse or SocketError.AccessDenied or SocketError.AddressNotAvailable })
            {
                return true;
            }
        }

        return exception.Message.StartsWith("Failed to bind to address", StringComparison.Ordinal);
    }

    private static string AllInterfacesAsAddress(string url) =>
        url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
}
