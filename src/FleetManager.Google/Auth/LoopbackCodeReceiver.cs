using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FleetManager.Google.Auth;

/// <summary>
/// Receives Google's redirect on the desktop: listens on <c>http://127.0.0.1:PORT/</c> (a free port chosen
/// at start; Google accepts any loopback port for Desktop clients), answers the browser with a short page,
/// and hands back the redirect's query string.
/// </summary>
public sealed class LoopbackCodeReceiver : IDisposable
{
    private readonly HttpListener _listener;

    private LoopbackCodeReceiver(HttpListener listener, Uri redirectUri)
    {
        _listener = listener;
        RedirectUri = redirectUri;
    }

    /// <summary>The redirect address to give Google.</summary>
    public Uri RedirectUri { get; }

    public static LoopbackCodeReceiver Start()
    {
        // HttpListener cannot bind port 0: take a free port from the OS, then listen on it (retrying a race).
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var redirect = new Uri($"http://127.0.0.1:{port}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(redirect.ToString());
            try
            {
                listener.Start();
                return new LoopbackCodeReceiver(listener, redirect);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>Waits for the browser's redirect carrying <c>code</c> or <c>error</c>; returns its query string.</summary>
    public async Task<string> WaitForReplyAsync(CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.Register(_listener.Stop);
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }

            var query = context.Request.Url?.Query ?? "";
            var isReply = query.Contains("code=", StringComparison.Ordinal) || query.Contains("error=", StringComparison.Ordinal);
            var page = isReply
                ? "<html><body><h1>FleetManager</h1><p>Done: you can close this window and return to the terminal.</p></body></html>"
                : "<html><body><p>Waiting for Google's reply.</p></body></html>";
            var bytes = Encoding.UTF8.GetBytes(page);
            context.Response.StatusCode = isReply ? 200 : 404;
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            context.Response.Close();
            if (isReply)
            {
                return query;
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose() => _listener.Close();
}
