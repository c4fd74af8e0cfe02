using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace CheckoutWatch.Server.Health;

/// <summary>Ready only while this node's Orleans silo is active in its cluster.</summary>
public sealed class SiloReadyHealthCheck(ISiloStatusOracle silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(silo.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy("Silo is active.")
            : HealthCheckResult.Unhealthy($"Silo is {silo.CurrentStatus}."));
}
