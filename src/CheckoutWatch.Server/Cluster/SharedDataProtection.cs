using CheckoutWatch.Server.Configuration;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;

namespace CheckoutWatch.Server.Cluster;

/// <summary>
/// In cluster mode every node protects sign-in cookies and antiforgery data with one key ring kept
/// in Redis, so a board signed in through one node is still signed in when a load balancer or a
/// failover sends it to another.
/// </summary>
internal static class SharedDataProtection
{
    public static void AddSharedDataProtection(this IServiceCollection services, OrleansHostOptions orleans)
    {
        var key = (RedisKey)$"checkoutwatch:{orleans.ServiceId}:data-protection-keys";
        services.AddDataProtection().SetApplicationName($"checkoutwatch:{orleans.ServiceId}");
        services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((options, redis) =>
            options.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), key));
    }
}
