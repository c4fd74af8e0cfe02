using System.Net;
using CheckoutWatch.Server.Configuration;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace CheckoutWatch.Server.Hosting;

internal static class AdvertisedAddress
{
    /// <summary>
    /// Applies <see cref="OrleansHostOptions.AdvertisedIPAddress"/> after every other endpoint
    /// setting: the silo advertises that address and listens on all interfaces on its ports.
    /// </summary>
    public static WebApplicationBuilder UseAdvertisedAddress(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<OrleansHostOptions>, OrleansHostOptionsValidator>();
        builder.Services.AddOptions<EndpointOptions>().PostConfigure<IOptions<OrleansHostOptions>>((endpoints, host) =>
        {
            if (host.Value.AdvertisedIPAddress is { } text && OrleansHostOptionsValidator.TryParseConcrete(text, out var address))
            {
                endpoints.AdvertisedIPAddress = address;
                endpoints.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, endpoints.SiloPort);
                endpoints.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, endpoints.GatewayPort);
            }
        });
        return builder;
    }
}
