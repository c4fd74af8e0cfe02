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
}
