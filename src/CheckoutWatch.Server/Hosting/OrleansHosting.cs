using CheckoutWatch.Server.Configuration;
using Orleans.Configuration;

namespace CheckoutWatch.Server.Hosting;

internal static class OrleansHosting
{
    /// <summary>
    /// The embedded default: one co-hosted silo on localhost clustering with in-memory grain
    /// storage and reminders. Needs nothing but .NET.
    /// </summary>
    public static WebApplicationBuilder AddEmbeddedSilo(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(OrleansHostOptions.Section).Get<OrleansHostOptions>() ?? new();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
            silo.AddMemoryGrainStorageAsDefault();
            silo.AddMemoryGrainStorage("alerts");
            silo.AddMemoryGrainStorage("audit");
            silo.AddMemoryGrainStorage("security");
            silo.UseInMemoryReminderService();
            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromMinutes(15));
        });
        return builder;
    }
}
