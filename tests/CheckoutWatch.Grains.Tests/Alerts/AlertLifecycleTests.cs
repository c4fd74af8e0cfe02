using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Abstractions.Ingest;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Grains.Tests.Infrastructure;

namespace CheckoutWatch.Grains.Tests.Alerts;

[Collection(ClusterCollection.Name)]
public sealed class AlertLifecycleTests(ClusterFixture cluster)
{
    private int _n;

    [Fact]
    public async Task Psp_outage_opens_one_alert_that_is_acknowledged_then_resolves_automatically()
    {
        var m = TestEvents.Merchant();
        var merchant = cluster.Grains.GetGrain<IMerchantGrain>(m);
        var feed = cluster.Grains.GetGrain<IAlertFeedGrain>(0);
        var random = new Random(7);

        // Two minutes of healthy traffic (~5 % customer declines), 20 outcomes a second.
        await TrafficAsync(merchant, m, random, seconds: 120, failureRate: 0.05, technical: false);
        Assert.Empty(await feed.ListAsync(new AlertQuery(MerchantId: m)));

        // The PSP starts failing with issuer-unavailable errors on 40 % of payments.
        await TrafficAsync(merchant, m, random, seconds: 20, failureRate: 0.40, technical: true);
        var open = await WaitForAsync(feed, m, a => a.Status == AlertStatus.Open);
        Assert.Equal("payment_failure_spike", open.Kind);
        Assert.True(open.Figures.ObservedRate > open.Figures.BaselineRate);
        Assert.True(open.AffectedSessions > 0);
        Assert.True(open.RevenueAtRiskMinor > 0);

        var ack = await feed.AcknowledgeAsync(open.Id, "oncall@example.com");
        Assert.Equal(AlertStatus.Acknowledged, ack.Alert!.Status);
        Assert.Equal("oncall@example.com", ack.Alert.AcknowledgedBy);
        Assert.True(ack.Alert.Sequence > open.Sequence);

        // Back to normal: resolved within a minute or two, and still one alert for the incident.
        await TrafficAsync(merchant, m, random, seconds: 120, failureRate: 0.05, technical: false);
        var resolved = await WaitForAsync(feed, m, a => a.Status == AlertStatus.Resolved && a.Id == open.Id);
        Assert.Equal("auto", resolved.ResolvedBy);
        var forMerchant = await feed.ListAsync(new AlertQuery(MerchantId: m, Kind: "payment_failure_spike"));
        Assert.Single(forMerchant.Where(a => a.Pages || a.ParentId is null));

        var since = await feed.GetSinceAsync(open.Sequence);
        Assert.Contains(since.Alerts, a => a.Id == open.Id);
        Assert.All(since.Alerts, a => Assert.True(a.Sequence > open.Sequence));
        Assert.Contains(cluster.Board.Alerts, a => a.Id == open.Id && a.Status == AlertStatus.Resolved);
    }

    [Fact]
    public async Task Unknown_alert_commands_say_not_found_and_resolved_alerts_cannot_be_acknowledged()
    {
        var feed = cluster.Grains.GetGrain<IAlertFeedGrain>(0);
        Assert.True((await feed.AcknowledgeAsync("al-missing", "x")).NotFound);
        Assert.Null(await feed.GetAsync("al-missing"));
    }

    private async Task TrafficAsync(IMerchantGrain merchant, string m, Random random, int seconds, double failureRate, bool technical)
    {
        for (var s = 0; s < seconds; s++)
        {
            var now = cluster.Clock.GetUtcNow();
            var events = new List<CheckoutEvent>();
            for (var i = 0; i < 20; i++)
            {
                var session = $"s{++_n}";
                var failed = random.NextDouble() < failureRate;
                events.Add(new CheckoutEvent($"e{_n}", m, session, failed ? CheckoutEventType.PaymentFailed : CheckoutEventType.PaymentSucceeded, now)
                {
                    AmountMinor = 5000,
                    Currency = "EUR",
                    Psp = "adyen",
                    PaymentMethod = "card",
                    CardNetwork = "visa",
                    DeclineCode = failed ? (technical ? "96" : "51") : null,
                    FailureKind = failed ? (technical ? FailureKind.Error : FailureKind.Declined) : FailureKind.None,
                });
            }

            await merchant.RecordAsync(new MerchantBatch(m, [.. events], 0));
            await cluster.AdvanceAsync(TimeSpan.FromSeconds(1));
        }
    }

    private static async Task<AlertView> WaitForAsync(IAlertFeedGrain feed, string merchant, Func<AlertView, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var found = (await feed.ListAsync(new AlertQuery(MerchantId: merchant))).FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "no matching alert within 10 s");
            await Task.Delay(20);
        }
    }
}
