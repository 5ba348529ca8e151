using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FleetManager.Mail.Tests.Imap;

/// <summary>
/// A TCP proxy in front of the real Dovecot that can run an action just before it forwards the next client command
/// containing a given text: how a test makes mail arrive at an exact point of the protocol (between two commands of
/// one connection), which timing alone cannot do.
/// </summary>
internal sealed class ImapInterceptingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _serverPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _connections = [];
    private readonly Task _accepting;
    private (string Text, Func<Task> Action)? _before;

    public ImapInterceptingProxy(int serverPort)
    {
        _serverPort = serverPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Runs <paramref name="action"/> once, before the next client command that contains <paramref name="text"/> is forwarded.</summary>
    public void Before(string text, Func<Task> action)
    {
        lock (_gate)
        {
            _before = (text, action);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_gate)
        {
            _connections.ForEach(c => c.Dispose());
        }

        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var server = new TcpClient();
            await server.ConnectAsync(IPAddress.Loopback, _serverPort, _stop.Token);
            lock (_gate)
            {
                _connections.Add(client);
                _connections.Add(server);
            }

            _ = PumpAsync(server.GetStream(), client.GetStream(), intercept: false);
            _ = PumpAsync(client.GetStream(), server.GetStream(), intercept: true);
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool intercept)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    break;
                }

                if (intercept && Take(Encoding.ASCII.GetString(buffer, 0, read)) is { } action)
                {
                    await action();
                }

                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // One side closed: the other follows.
        }
        finally
        {
            try
            {
                to.Socket.Shutdown(SocketShutdown.Send);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // That side is closed already (the proxy's disposal, or the peer).
            }
        }
    }

    private Func<Task>? Take(string sent)
    {
        lock (_gate)
        {
            if (_before is { } before && sent.Contains(before.Text, StringComparison.Ordinal))
            {
                _before = null;
                return before.Action;
            }

            return null;
        }
    }
}
