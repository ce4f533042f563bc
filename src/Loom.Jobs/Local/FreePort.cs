using System.Net;
using System.Net.Sockets;

namespace Loom.Jobs.Local;

/// <summary>Finds a TCP port that nothing listens on, by binding port 0 and letting it go.</summary>
internal static class FreePort
{
    /// <summary>A port free at the moment of the call.</summary>
    /// <returns>The port.</returns>
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
