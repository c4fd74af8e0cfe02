using CheckoutWatch.Detection.Knowledge;
using CheckoutWatch.Detection.Monitoring;
using CheckoutWatch.Detection.Sessions;
using CheckoutWatch.Grains.Board;
using CheckoutWatch.Ingest;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Board;
using CheckoutWatch.Server.Cluster;
using CheckoutWatch.Server.Configuration;
using CheckoutWatch.Server.Demo;
using CheckoutWatch.Server.Health;
using CheckoutWatch.Server.Ingest;
using CheckoutWatch.Server.Outreach;
using CheckoutWatch.Server.Security;
using CheckoutWatch.Server.Telemetry;
using Microsoft.AspNetCore.Authentication;
using CheckoutWatch.Abstractions.Audit;
using CheckoutWatch.Grains.Audit;
using CheckoutWatch.Server.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CheckoutWatch.Server.Hosting;

public static class CheckoutWatchServiceExtensions
{
    /// <summary>Everything a CheckoutWatch node needs: silo, options, ingest, hub, board, health.</summary>
    public static WebApplicationBuilder AddCheckoutWatch(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SessionTimeoutOptions>().BindConfiguration(SessionTimeoutOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OrleansHostOptions>().BindConfiguration(OrleansHostOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DemoOptions>, DemoOptionsValidator>();

        services.AddSingleton(TimeProvider.System);
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.Section)
            .Validate(o => o.OverrideFile is null || File.Exists(o.OverrideFile), "CheckoutWatch:Knowledge:OverrideFile does not exist.")
            .ValidateOnStart();
        services.AddSingleton(sp => LoadKnowledge(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value));
        services.AddSingleton(DetectionOptions.Default);
        services.AddSingleton<SessionTimeouts>(sp => sp.GetRequiredService<IOptions<SessionTimeoutOptions>>().Value.ToTimeouts());

        // Cluster mode is chosen while the host is built, so a bad connection string stops the
        // node here, before anything starts, with the reason.
        var redis = RedisOptions.From(builder.Configuration);
        if (redis.Problem() is { } problem)
        {
            throw new OptionsValidationException(RedisOptions.Section, typeof(RedisOptions), [problem]);
        }

        services.AddSingleton(Options.Create(redis));
        builder.AddSilo(redis);
        builder.UseAdvertisedAddress();
        builder.AddCheckoutWatchTelemetry();
        builder.AddAdminDashboard();

        services.AddProblemDetails();
        services.AddBoardAuthentication(builder.Configuration);
        services.AddProxySupport();
        services.AddSingleton<IAuditLog, AuditLog>();

        services.AddSingleton<IngestPipeline>();
        services.AddIngestRateLimiting();
        services.AddSignInRateLimiting();
        services.AddSingleton(sp =>
        {
            var ingest = sp.GetRequiredService<IOptions<IngestOptions>>().Value;
            return new EventBatchParser(new IngestLimits
            {
                MaxBatchEvents = ingest.MaxBatchEvents,
                MaxEventAge = ingest.MaxEventAge,
                MaxClockSkew = ingest.MaxClockSkew,
                MaxBodyBytes = (int)ingest.MaxBodyBytes,
                MaxPropertiesPerEvent = ingest.MaxPropertiesPerEvent,
            });
        });
        services.AddOnCall();
        builder.AddClusterServices(redis, services.AddSignalR(o => o.AddFilter<HubAuthorizationFilter>()));
        services.AddSingleton<SignalRBoardNotifier>();
        services.AddSingleton<IBoardNotifier>(sp => sp.GetRequiredService<SignalRBoardNotifier>());
        services.AddHostedService(sp => sp.GetRequiredService<SignalRBoardNotifier>());
        services.AddOutreach();

        services.AddHealthChecks().AddCheck<SiloReadyHealthCheck>("silo", tags: ["ready"]);
        services.AddOpenApi();

        services.AddHttpClient(DemoTrafficService.HttpClientName);
        services.AddHostedService<DemoTrafficService>();
        services.AddHostedService<StartupBanner>();
        services.AddHostedService<DevelopmentCredentialsGuard>();
        return builder;
    }

    private static KnowledgeBase LoadKnowledge(KnowledgeOptions options)
    {
        var knowledge = KnowledgeBase.LoadDefault();
        if (options.OverrideFile is { } path)
        {
            using var file = File.OpenRead(path);
            knowledge = knowledge.Merge(KnowledgeBase.Load(file));
        }

        return knowledge;
    }
}
