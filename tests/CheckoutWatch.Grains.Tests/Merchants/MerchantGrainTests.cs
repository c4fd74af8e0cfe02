using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Abstractions.Ingest;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Grains.Tests.Infrastructure;
using static CheckoutWatch.Grains.Tests.TestEvents;

namespace CheckoutWatch.Grains.Tests.Merchants;

[Collection(ClusterCollection.Name)]
public sealed class MerchantGrainTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Counters_break_down_by_psp_method_network_and_decline_code()
    {
        var m = Merchant();
        var now = (int)(cluster.Clock.GetUtcNow() - ClusterFixture.Start).TotalSeconds;
        await cluster.Grains.GetGrain<IMerchantGrain>(m).RecordAsync(new MerchantBatch(m, [
            Event(m, "a", CheckoutEventType.CheckoutStarted, now),
            Event(m, "a", CheckoutEventType.PaymentSubmitted, now),
            Event(m, "a", CheckoutEventType.PaymentSucceeded, now, psp: "stripe"),
            Event(m, "b", CheckoutEventType.PaymentFailed, now, psp: "adyen", decline: "05"),
            Event(m, "c", CheckoutEventType.PaymentFailed, now, psp: "adyen", decline: "91"),
        ], InFlightDelta: 3));

        var breakdown = await cluster.Grains.GetGrain<IMerchantGrain>(m).GetBreakdownAsync();
        Assert.Equal(1, breakdown.CheckoutsStarted);
        Assert.Equal(1, breakdown.PaymentAttempts);
        Assert.Equal(1, breakdown.Successes);
        Assert.Equal(2, breakdown.Failures);
        Assert.Equal(3, breakdown.InFlightSessions);
        var adyen = Assert.Single(breakdown.Entries, e => e.Dimension == "psp" && e.Value == "adyen");
        Assert.Equal(2, adyen.Failures);
        Assert.Equal(0, adyen.Successes);
        Assert.Single(breakdown.Entries, e => e.Dimension == "decline_code" && e.Value == "91");
        Assert.Equal(3, Assert.Single(breakdown.Entries, e => e.Dimension == "card_network").Successes + 2);
    }

    [Fact]
    public async Task Tile_shows_success_rate_and_is_published_on_the_next_tick()
    {
        var m = Merchant();
        var now = (int)(cluster.Clock.GetUtcNow() - ClusterFixture.Start).TotalSeconds;
        await cluster.Grains.GetGrain<IMerchantGrain>(m).RecordAsync(new MerchantBatch(m, [
            Event(m, "a", CheckoutEventType.PaymentSucceeded, now),
            Event(m, "b", CheckoutEventType.PaymentSucceeded, now),
            Event(m, "c", CheckoutEventType.PaymentSucceeded, now),
            Event(m, "d", CheckoutEventType.PaymentFailed, now),
        ], InFlightDelta: 0));

        var published = cluster.Board.WaitForAsync(t => t.MerchantId == m);
        await cluster.AdvanceAsync(TimeSpan.FromSeconds(2));
        var tile = await published.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0.75, tile.SuccessRate1m!.Value, 3);
        Assert.Equal(4, tile.Outcomes1m);
        Assert.Equal(1, tile.Failures1m);
        Assert.Equal(30, tile.History.Length);
        Assert.Equal(4, tile.History[^1].Outcomes + tile.History[^2].Outcomes);
    }

    [Fact]
    public async Task Events_from_the_future_count_in_the_current_second()
    {
        var m = Merchant();
        var now = (int)(cluster.Clock.GetUtcNow() - ClusterFixture.Start).TotalSeconds;
        await cluster.Grains.GetGrain<IMerchantGrain>(m).RecordAsync(new MerchantBatch(m, [Event(m, "a", CheckoutEventType.PaymentSucceeded, now + 120)], 0));
        var tile = await cluster.Grains.GetGrain<IMerchantGrain>(m).GetHealthAsync();
        Assert.Equal(1, tile.Outcomes1m);
    }
}
