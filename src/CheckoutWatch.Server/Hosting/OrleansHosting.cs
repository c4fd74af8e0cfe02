using CheckoutWatch.Grains.Alerts;
using CheckoutWatch.Server.Cluster;
using CheckoutWatch.Server.Configuration;
using Orleans.Configuration;

namespace CheckoutWatch.Server.Hosting;

internal static class OrleansHosting
{
    /// <summary>Every storage name a grain asks for (see <see cref="GrainStorageNames"/>).</summary>
    public static IReadOnlyList<string> StorageNames { get; } = GrainStorageNames.In(typeof(AlertFeedGrain).Assembly);

    /// <summary>
    /// The co-hosted silo. Embedded (the default): localhost clustering with in-memory grain
    /// storage and reminders, needing nothing but .NET. With a Redis connection configured:
    /// Redis clustering, grain storage (every name the grains use) and reminders.
    /// </summary>
    public static WebApplicationBuilder AddSilo(this WebApplicationBuilder builder, RedisOptions redis)
    {
        var options = builder.Configuration.GetSection(OrleansHostOptions.Section).Get<OrleansHostOptions>() ?? new();
        builder.UseOrleans(silo =>
        {
            if (redis.IsConfigured)
            {
                UseRedis(silo, options, redis, builder.Configuration);
            }
            else
            {
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
                silo.AddMemoryGrainStorageAsDefault();
                foreach (var name in StorageNames)
                {
                    silo.AddMemoryGrainStorage(name);
                }

                silo.UseInMemoryReminderService();
            }

            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromMinutes(15));
        });
        return builder;
    }

    private static void UseRedis(ISiloBuilder silo, OrleansHostOptions options, RedisOptions redis, IConfiguration configuration)
    {
        // How fast a dead node is noticed (probe timeout, missed probes, votes) is tunable:
        // Orleans' own options, bound from CheckoutWatch:Orleans:Membership.
        silo.Configure<ClusterMembershipOptions>(configuration.GetSection(OrleansHostOptions.Section + ":Membership"));

        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });

        // Other nodes reach this one at the advertised address, and it listens there only;
        // without one, at the host's own address, listening on all.
        if (options.AdvertisedIPAddress is { } text && OrleansHostOptionsValidator.TryParseConcrete(text, out var advertised))
        {
            silo.ConfigureEndpoints(advertised, options.SiloPort, options.GatewayPort);
        }
        else
        {
            silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
        }

        // Membership entries never expire: an expiry would delete the whole table after its TTL.
        silo.UseRedisClustering(o => o.ConfigurationOptions = redis.ToConfigurationOptions());
        silo.AddRedisGrainStorageAsDefault(o => o.ConfigurationOptions = redis.ToConfigurationOptions());
        foreach (var name in StorageNames)
        {
            silo.AddRedisGrainStorage(name, o => o.ConfigurationOptions = redis.ToConfigurationOptions());
        }

        silo.UseRedisReminderService(o => o.ConfigurationOptions = redis.ToConfigurationOptions());
    }
}
