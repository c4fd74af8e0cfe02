using System.Net;

namespace CheckoutWatch.LoadTests.Http;

/// <summary>The HttpClient a run uses: no proxy, no cookies, enough pooled HTTP/1.1 connections for the in-flight cap.</summary>
public static class IngestHttp
{
    public static HttpClient CreateClient(int maxConnections, TimeSpan requestTimeout)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        return new HttpClient(handler) { Timeout = requestTimeout, DefaultRequestVersion = HttpVersion.Version11 };
    }
}
