using System.Net;
using System.Net.Sockets;

namespace FleetManager.Tests.Support;

/// <summary>A loopback port nothing listens on at the moment of asking (the OS picks it).</summary>
internal static class FreeTcpPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
