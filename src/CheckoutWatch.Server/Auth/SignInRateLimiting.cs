using System.Threading.RateLimiting;
using CheckoutWatch.Server.Configuration;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CheckoutWatch.Server.Auth;

/// <summary>
/// Guessing passwords or display tokens is slowed to <see cref="AuthOptions.SignInAttemptsPerMinute"/>
/// per client address (behind a trusted proxy, the forwarded one): a token bucket per address, so
/// one address guessing does not lock anybody else out. Refused attempts get 429 with Retry-After.
/// </summary>
public static class SignInRateLimiting
{
    public const string Policy = "sign-in-per-address";

    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AuthOptions>>((o, auth) =>
        {
            var perMinute = auth.Value.SignInAttemptsPerMinute;
            o.AddPolicy(Policy, context => RateLimitPartition.GetTokenBucketLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perMinute,
                    TokensPerPeriod = perMinute,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        });
        return services;
    }
}
