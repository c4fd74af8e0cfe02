using CheckoutWatch.Server.Configuration;
using Microsoft.Extensions.Options;

namespace CheckoutWatch.Server.Hosting;

internal static class AdvertisedAddress
{
    /// <summary>
    /// Validates <see cref="OrleansHostOptions.AdvertisedIPAddress"/> at start: a concrete IP, and
    /// only in cluster mode. The cluster silo (<see cref="OrleansHosting"/>) advertises it and
    /// listens on it.
    /// </summary>
    public static WebApplicationBuilder UseAdvertisedAddress(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<OrleansHostOptions>, OrleansHostOptionsValidator>();
        return builder;
    }
}
