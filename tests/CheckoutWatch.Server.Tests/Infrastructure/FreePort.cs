using System.Net;
using System.Net.Sockets;

namespace CheckoutWatch.Server.Tests.Infrastructure;

internal static class FreePort
{
    /// <summary>A loopback TCP port that was free a moment ago (for the silo and gateway).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
