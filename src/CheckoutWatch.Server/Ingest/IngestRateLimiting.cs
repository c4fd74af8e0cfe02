using System.Globalization;
using System.Threading.RateLimiting;
using CheckoutWatch.Server.Apis;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Configuration;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CheckoutWatch.Server.Ingest;

/// <summary>
/// Overload protection for ingest with ASP.NET Core's rate limiter: a token bucket per ingest key
/// (a key sending too fast gets 429 with the wait in Retry-After) and a node-wide concurrency
/// limit with a bounded queue (past it the node answers 503 at once instead of queueing work until
/// memory runs out).
/// </summary>
public static class IngestRateLimiting
{
    public const string PerKeyPolicy = "ingest-per-key";

    public static IServiceCollection AddIngestRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<IngestOptions>, IngestKeyStore>((o, ingest, keys) =>
        {
            var limits = ingest.Value;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments(EventsApi.Route)
                    ? RateLimitPartition.GetConcurrencyLimiter("ingest", _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = limits.MaxConcurrentRequests,
                        QueueLimit = limits.MaxQueuedRequests,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    })
                    : RateLimitPartition.GetNoLimiter("other"));

            o.AddPolicy(PerKeyPolicy, context =>
            {
                var name = context.User.FindFirst(IngestKeyDefaults.KeyNameClaim)?.Value;
                if (name is null || keys.ByName(name) is not { } key)
                {
                    // Unauthenticated calls are refused by authorization anyway.
                    return RateLimitPartition.GetNoLimiter("anonymous");
                }

                return RateLimitPartition.GetTokenBucketLimiter(name, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = key.Burst,
                    TokensPerPeriod = key.RequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });

            o.OnRejected = async (context, cancellationToken) =>
            {
                // Only the per-key token bucket knows when to come back; the node-wide limit
                // says "soon".
                var perKey = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter);
                var seconds = perKey ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var status = perKey ? StatusCodes.Status429TooManyRequests : StatusCodes.Status503ServiceUnavailable;
                http.Response.StatusCode = status;
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = status,
                        Type = perKey ? "https://checkoutwatch.dev/problems/rate-limited" : "https://checkoutwatch.dev/problems/overloaded",
                        Title = !perKey ? "The node is at capacity."
                            : http.Request.Path.StartsWithSegments(AuthApi.Route) ? "Too many sign-in attempts from this address."
                            : "This ingest key is sending too fast.",
                        Detail = $"Retry after {seconds} s. Nothing in this request was applied.",
                    },
                });
            };
        });
        services.AddRateLimiter(_ => { });
        return services;
    }
}
