using CheckoutWatch.Server.Configuration;
using CheckoutWatch.Server.Health;
using CheckoutWatch.Server.Streams;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CheckoutWatch.Server.Cluster;

public static class ClusterServiceExtensions
{
    /// <summary>
    /// Cluster mode's services besides the silo: the SignalR Redis backplane (a change pushed on
    /// one node reaches boards connected to any node), a Redis readiness check, one Data Protection key ring in Redis (cookies valid on every node), and the Redis
    /// Streams ingest when enabled. Does nothing for an embedded node.
    /// </summary>
    public static void AddClusterServices(this WebApplicationBuilder builder, RedisOptions redis, ISignalRServerBuilder signalR)
    {
        var services = builder.Services;
        var orleans = builder.Configuration.GetSection(OrleansHostOptions.Section).Get<OrleansHostOptions>() ?? new();
        services.AddSingleton(new NodeIdentity($"{Environment.MachineName}-{orleans.SiloPort}"));
        services.AddOptions<StreamIngestOptions>().BindConfiguration(StreamIngestOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => !o.Enabled || redis.IsConfigured, $"{StreamIngestOptions.Section}:Enabled needs a Redis connection ({RedisOptions.Section}:ConnectionString).")
            .ValidateOnStart();
        services.AddOptions<DedupOptions>().BindConfiguration(DedupOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DedupOptions>, DedupStreamValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DedupOptions>>().Value.ToSettings(redis.IsConfigured));
        if (!redis.IsConfigured)
        {
            return;
        }

        signalR.AddStackExchangeRedis(o =>
        {
            o.Configuration = redis.ToConfigurationOptions();
            // Nodes of one service share channels; another service on the same Redis does not.
            o.Configuration.ChannelPrefix = RedisChannel.Literal($"checkoutwatch:{orleans.ServiceId}");
        });
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis.ToConfigurationOptions()));
        services.AddSharedDataProtection(orleans);
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        services.AddSingleton<StreamEntryDecoder>();
        services.AddHostedService<StreamIngestService>();
    }
}
