using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Abstractions.Ingest;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Grains.Tests.Infrastructure;

namespace CheckoutWatch.Grains.Tests.Psp;

/// <summary>
/// Merchant grains report per-PSP counts to the PSP grain each tick; a PSP outage across ten
/// merchants becomes one paging PSP-wide alert with the merchants' alerts folded under it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PspWideAlertTests(ClusterFixture cluster)
{
    private int _n;

    [Fact]
    public async Task Psp_outage_across_ten_merchants_pages_once_with_the_merchant_alerts_folded_under_it()
    {
        // A PSP name of its own: other tests' merchants must not feed this PSP grain.
        var psp = $"psp{Guid.NewGuid():N}"[..12];
        var merchants = Enumerable.Range(0, 10).Select(_ => TestEvents.Merchant()).ToArray();
        var feed = cluster.Grains.GetGrain<IAlertFeedGrain>(0);
        var random = new Random(11);

        await TrafficAsync(merchants, psp, random, seconds: 120, failureRate: 0.05, technical: false);
        Assert.Empty(await PspAlertsAsync(feed, psp));

        await TrafficAsync(merchants, psp, random, seconds: 40, failureRate: 0.40, technical: true);

        var platform = Assert.Single(await PspAlertsAsync(feed, psp));
        Assert.Equal("*", platform.MerchantId);
        Assert.Equal(new AlertDimensionView("psp", psp), platform.Dimension);
        Assert.True(platform.Pages);
        Assert.Null(platform.ParentId);
        // Its evidence sums what the merchants' failed payments carried in the incident window:
        // every failure here is a session of its own worth 50.00 EUR.
        Assert.InRange(platform.AffectedSessions, platform.Figures.Failures * 0.9, platform.Figures.Failures * 1.1 + 10);
        Assert.True(platform.AffectedSessions >= 100, $"{platform.AffectedSessions} sessions");
        Assert.Equal("EUR", platform.Currency);
        Assert.Equal(platform.AffectedSessions * 5000L, platform.RevenueAtRiskMinor);
        foreach (var m in merchants)
        {
            foreach (var alert in await feed.ListAsync(new AlertQuery(MerchantId: m, Kind: "payment_failure_spike")))
            {
                Assert.False(alert.Pages, $"{alert.Title} pages beside the PSP-wide alert");
                Assert.Equal(platform.Id, alert.ParentId);
            }
        }

        var paging = (await feed.ListAsync(new AlertQuery(Kind: "payment_failure_spike")))
            .Where(a => a.Pages && (a.MerchantId == "*" ? a.Dimension.Value == psp : merchants.Contains(a.MerchantId)));
        Assert.Single(paging);
    }

    private static async Task<List<AlertView>> PspAlertsAsync(IAlertFeedGrain feed, string psp) =>
        [.. (await feed.ListAsync(new AlertQuery(MerchantId: "*"))).Where(a => a.Dimension.Value == psp)];

    private async Task TrafficAsync(string[] merchants, string psp, Random random, int seconds, double failureRate, bool technical)
    {
        for (var s = 0; s < seconds; s++)
        {
            var now = cluster.Clock.GetUtcNow();
            foreach (var m in merchants)
            {
                var events = new List<CheckoutEvent>();
                for (var i = 0; i < 10; i++)
                {
                    var failed = random.NextDouble() < failureRate;
                    events.Add(new CheckoutEvent($"e{++_n}", m, $"s{_n}", failed ? CheckoutEventType.PaymentFailed : CheckoutEventType.PaymentSucceeded, now)
                    {
                        AmountMinor = 5000,
                        Currency = "EUR",
                        Psp = psp,
                        PaymentMethod = "card",
                        CardNetwork = "visa",
                        DeclineCode = failed ? (technical ? "96" : "51") : null,
                        FailureKind = failed ? (technical ? FailureKind.Error : FailureKind.Declined) : FailureKind.None,
                    });
                }

                await cluster.Grains.GetGrain<IMerchantGrain>(m).RecordAsync(new MerchantBatch(m, [.. events], 0));
            }

            await cluster.AdvanceAsync(TimeSpan.FromSeconds(1));
        }
    }
}
