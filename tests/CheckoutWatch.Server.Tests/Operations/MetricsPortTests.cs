using System.Globalization;
using System.Net;
using CheckoutWatch.Server.Tests.Infrastructure;

namespace CheckoutWatch.Server.Tests.Operations;

/// <summary>A node with a separate metrics port: /metrics only there, and nothing but metrics and health there.</summary>
public sealed class MetricsPortTests(MetricsPortServerFixture server) : IClassFixture<MetricsPortServerFixture>
{
    [Fact]
    public async Task Metrics_are_not_served_on_the_public_port()
    {
        using var client = server.CreateClient(key: null);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Metrics_port_serves_metrics_and_health_only()
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.MetricsPort}") };
        var metrics = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("orleans_grains", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/alerts")).StatusCode);
    }
}

public sealed class MetricsPortServerFixture : ServerFixture
{
    public int MetricsPort { get; } = FreePort.Next();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["CheckoutWatch:Telemetry:MetricsPort"] = MetricsPort.ToString(CultureInfo.InvariantCulture),
    };

    protected override IEnumerable<int> ExtraListenPorts => [MetricsPort];
}
