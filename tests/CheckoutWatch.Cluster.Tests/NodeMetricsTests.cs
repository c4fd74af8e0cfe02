using CheckoutWatch.Cluster.Tests.Infrastructure;

namespace CheckoutWatch.Cluster.Tests;

/// <summary>
/// A real node process exports Orleans' and ASP.NET Core's own series at /metrics. (Checked here on
/// node processes: in a test process that hosts several nodes one after another, those meters
/// stop reaching the newest node's exporter.)
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class NodeMetricsTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Metrics_include_orleans_grain_counts_and_http_server_metrics()
    {
        var merchant = TestEvents.NewMerchant("metrics");
        using (var accepted = await cluster.PostEventsAsync(cluster.A, TestEvents.Array([TestEvents.Started(merchant, "s1", merchant + "-e1")])))
        {
            accepted.EnsureSuccessStatusCode();
        }

        // The session partition grain lives on one of the nodes: read every live one (the failover test kills one).
        var grains = new List<string>();
        var http = new List<string>();
        foreach (var node in new[] { cluster.A, cluster.B }.Where(n => !n.HasExited))
        {
            using var scraper = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(15) };
            var text = await scraper.GetStringAsync("/metrics");
            grains.AddRange(text.Split('\n').Where(l => l.StartsWith("orleans_grains{", StringComparison.Ordinal)));
            http.AddRange(text.Split('\n').Where(l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)));
        }

        Assert.Contains(grains, l => l.Contains("grain_type=\"sessionpartition\"", StringComparison.Ordinal));
        Assert.Contains(http, l => l.Contains("http_response_status_code=\"202\"", StringComparison.Ordinal));
    }
}
