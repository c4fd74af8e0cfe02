using System.Net;
using CheckoutWatch.Server.Tests.Infrastructure;

namespace CheckoutWatch.Server.Tests.Operations;

[Collection(ServerCollection.Name)]
public sealed class MetricsEndpointTests(ServerFixture server)
{
    [Fact]
    public async Task Metrics_count_accepted_duplicate_and_rejected_events_and_rejections_by_code()
    {
        using var scraper = server.CreateClient(key: null);
        var before = await scraper.GetStringAsync("/metrics");
        var m = "metrics-" + Guid.NewGuid().ToString("N")[..8];
        var batch = Events.Array(
            Events.Started(m, "s1", id: m + "-1"),
            Events.Started(m, "s1", id: m + "-1"),
            Events.Started(m, "s2", id: m + "-2"),
            """{"eventId":"bad","merchantId":"x","sessionId":"s","type":"checkout_exploded","occurredAt":"2026-01-01T00:00:00Z"}""");

        var response = await server.PostEventsAsync(batch);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var after = await scraper.GetStringAsync("/metrics");

        const string events = "checkoutwatch_ingest_events_total";
        Assert.True(Delta(events, "outcome=\"accepted\"", "source=\"http\"") >= 2);
        Assert.True(Delta(events, "outcome=\"duplicate\"") >= 1);
        Assert.True(Delta(events, "outcome=\"rejected\"") >= 1);
        Assert.True(Delta("checkoutwatch_ingest_rejections_total", "code=\"unknown_value\"") >= 1);

        double Delta(string metric, params string[] labels) =>
            PrometheusText.Sum(after, metric, labels) - PrometheusText.Sum(before, metric, labels);
    }

    [Fact]
    public async Task Metrics_include_http_server_metrics()
    {
        await server.PostEventsAsync(Events.Array(Events.Started("metrics-grains", "s1")));
        // The 202 comes from the node's buffer; the session grain is activated when it flushes.
        await server.FlushIngestAsync();
        using var scraper = server.CreateClient(key: null);
        var text = await scraper.GetStringAsync("/metrics");

        // Orleans' own series (grain counts) are checked on real node processes in
        // CheckoutWatch.Cluster.Tests: its meter is static, and in this process several nodes start
        // one after another, after which it no longer reports here.
        Assert.True(PrometheusText.Sum(text, "http_server_request_duration_seconds_count") >= 1);
    }
}
