using CheckoutWatch.Grains.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CheckoutWatch.Server.Telemetry;

/// <summary>
/// OpenTelemetry for a node: metrics always (scraped at <c>/metrics</c>, pushed over OTLP when a
/// collector is configured); traces and logs over OTLP only when a collector is configured,
/// because recording a span per grain call costs on the hot path and is useless unexported.
/// </summary>
public static class TelemetryExtensions
{
    public const string ServiceName = "checkoutwatch";
    public const string MetricsPath = "/metrics";

    /// <summary>The meters a node exports: its own, Orleans' (activations, messaging, membership) and .NET's.</summary>
    public static readonly string[] Meters =
        [IngestMetrics.MeterName, GrainMetrics.MeterName, "Microsoft.Orleans", "System.Runtime"];

    private static readonly string[] _orleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    public static WebApplicationBuilder AddCheckoutWatchTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new();
        var otlpFromEnvironment = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var otlp = options.OtlpEndpoint is not null || otlpFromEnvironment;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics => metrics
                .AddMeter(Meters)
                .AddAspNetCoreInstrumentation()
                // Each scrape reads fresh values; Prometheus scrapes seldom enough not to need a cache.
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));

        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.TraceSampleRatio)))
                .AddAspNetCoreInstrumentation(o => o.Filter = IsNotProbe)
                .AddSource(_orleansSources));
            telemetry.WithLogging();
            builder.UseOrleans(silo => silo.AddActivityPropagation());
            _ = options.OtlpEndpoint is { } endpoint
                ? telemetry.UseOtlpExporter(options.OtlpProtocol, endpoint)
                : telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// Serves <c>/metrics</c> (only on <see cref="TelemetryOptions.MetricsPort"/> when set) and keeps
    /// that port to metrics and health. Call first, before anything that could answer the path.
    /// </summary>
    public static WebApplication UseCheckoutWatchTelemetry(this WebApplication app)
    {
        var metricsPort = app.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>()?.MetricsPort;
        if (metricsPort is { } port)
        {
            app.Use((context, next) =>
            {
                if (context.Connection.LocalPort == port
                    && !context.Request.Path.StartsWithSegments(MetricsPath)
                    && !context.Request.Path.StartsWithSegments("/health"))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }

                return next(context);
            });
        }

        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == MetricsPath && (metricsPort is null || context.Connection.LocalPort == metricsPort));
        return app;
    }

    private static bool IsNotProbe(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments(MetricsPath);
}
