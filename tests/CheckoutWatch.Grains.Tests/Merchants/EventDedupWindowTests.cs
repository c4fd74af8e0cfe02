using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Abstractions.Ingest;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Grains.Merchants;
using CheckoutWatch.Grains.Tests.Infrastructure;
using static CheckoutWatch.Grains.Tests.TestEvents;

namespace CheckoutWatch.Grains.Tests.Merchants;

[Collection(ClusterCollection.Name)]
public sealed class EventDedupWindowTests(ClusterFixture cluster)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(2);

    [Fact]
    public void An_event_counts_once_within_the_window_and_ids_are_per_session()
    {
        var window = new EventDedupWindow(Window, 1_000);
        Assert.True(window.TryAdd("s1", "e1", T0, T0));
        Assert.False(window.TryAdd("s1", "e1", T0, T0.AddSeconds(90)));
        Assert.True(window.TryAdd("s2", "e1", T0, T0), "The same event id in another session is another event.");
        // Length-prefixed: the pair is not just the concatenation.
        Assert.True(window.TryAdd("s1e", "1", T0, T0));
        Assert.Equal(3, window.Count);
    }

    [Fact]
    public void A_redelivery_keeps_the_id_a_window_longer_and_expiry_frees_it()
    {
        var window = new EventDedupWindow(Window, 1_000);
        Assert.True(window.TryAdd("s1", "e1", T0, T0));
        // Seen again after 100 s: remembered until 100 s + window.
        Assert.False(window.TryAdd("s1", "e1", T0, T0.AddSeconds(100)));
        window.Expire(T0.AddSeconds(200));
        Assert.False(window.TryAdd("s1", "e1", T0, T0.AddSeconds(200)));
        window.Expire(T0.AddSeconds(200) + Window + TimeSpan.FromSeconds(11));
        Assert.Equal(0, window.Count);
        Assert.True(window.TryAdd("s1", "e1", T0, T0.AddSeconds(500)));
    }

    [Fact]
    public void An_event_dated_in_the_future_is_kept_until_its_time_plus_the_window()
    {
        var window = new EventDedupWindow(Window, 1_000);
        Assert.True(window.TryAdd("s1", "e1", T0.AddMinutes(5), T0));
        window.Expire(T0.AddMinutes(6));
        Assert.False(window.TryAdd("s1", "e1", T0.AddMinutes(5), T0.AddMinutes(6)));
    }

    [Fact]
    public void Past_the_bound_the_oldest_generation_goes_early_and_is_counted()
    {
        var window = new EventDedupWindow(Window, 100);
        for (var i = 0; i < 100; i++) Assert.True(window.TryAdd("s", $"old{i}", T0, T0));
        for (var i = 0; i < 50; i++) Assert.True(window.TryAdd("s", $"new{i}", T0.AddSeconds(30), T0.AddSeconds(30)));
        window.Expire(T0.AddSeconds(30));
        Assert.Equal(50, window.Count);
        Assert.Equal(100, window.EvictedEarly);
        Assert.False(window.TryAdd("s", "new0", T0.AddSeconds(30), T0.AddSeconds(31)));
    }

    [Fact]
    public async Task A_merchant_grain_counts_a_redelivered_event_once_and_a_repeated_finding_once()
    {
        var m = Merchant();
        var now = (int)(cluster.Clock.GetUtcNow() - ClusterFixture.Start).TotalSeconds;
        var merchant = cluster.Grains.GetGrain<IMerchantGrain>(m);
        var first = new MerchantBatch(m, [Event(m, "a", CheckoutEventType.CheckoutStarted, now, id: "x1"), Event(m, "b", CheckoutEventType.CheckoutStarted, now, id: "x1")], InFlightDelta: 2);
        await merchant.RecordAsync(first);
        // The same events again, as a retry after a node's death brings them (its session grain
        // is new, so it reports them as new), plus one that is new.
        await merchant.RecordAsync(new MerchantBatch(m, [.. first.Events, Event(m, "c", CheckoutEventType.CheckoutStarted, now, id: "x1")], InFlightDelta: 1));
        var breakdown = await merchant.GetBreakdownAsync();
        Assert.Equal(3, breakdown.CheckoutsStarted);

        var finding = new Detection.Sessions.SessionFinding(Detection.Sessions.SessionFindingKind.RepeatedPaymentFailures, m, "a", cluster.Clock.GetUtcNow());
        await merchant.ReportFindingsAsync([finding]);
        await merchant.ReportFindingsAsync([finding with { DetectedAt = cluster.Clock.GetUtcNow().AddSeconds(1) }]);
        // Findings are one-way calls: wait for a later marker finding (another session) before counting.
        var marker = finding with { SessionId = "z" };
        await merchant.ReportFindingsAsync([marker]);
        var seen = await merchant.GetRecentFindingsAsync();
        for (var i = 0; i < 100 && seen.Length < 2; i++)
        {
            await Task.Delay(20);
            seen = await merchant.GetRecentFindingsAsync();
        }

        Assert.Equal(["a", "z"], seen.Select(f => f.SessionId).Order());
    }
}
