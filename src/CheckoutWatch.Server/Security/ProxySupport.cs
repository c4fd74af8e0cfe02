using System.Net;
using CheckoutWatch.Server.Configuration;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace CheckoutWatch.Server.Security;

/// <summary>
/// Running behind a TLS-terminating proxy: X-Forwarded-For, -Proto and -Host are honoured only
/// from the proxies and networks configured in <c>CheckoutWatch:Auth:KnownProxies</c> and
/// <c>KnownNetworks</c> (loopback is always trusted), so the session cookie becomes Secure and
/// same-origin checks compare with the public origin.
/// </summary>
internal static class ProxySupport
{
    public static IServiceCollection AddProxySupport(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<AuthOptions>>((forwarded, auth) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in auth.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in auth.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }
}
