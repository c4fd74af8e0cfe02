using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Grains.Tests.Infrastructure;

namespace CheckoutWatch.Grains.Tests.OnCall;

/// <summary>Escalation on the fake clock, delivered to a real HTTP receiver on 127.0.0.1.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EscalationTimingTests(ClusterFixture cluster)
{
    private IAlertFeedGrain Feed => cluster.Grains.GetGrain<IAlertFeedGrain>(0);

    [Fact]
    public async Task A_critical_alert_pages_at_once_escalates_after_ten_unacknowledged_minutes_and_a_stale_acknowledgement_renotifies()
    {
        var alert = await TestAlerts.OpenAsync(Feed, TestAlerts.NewMerchant(), cluster.Clock.GetUtcNow());
        var receiver = cluster.Receiver;
        await receiver.WaitUntilAsync(_ => receiver.For(alert.Id).Count(r => r.Accepted) == 2);
        Assert.Equal(["pagerduty", "primary"], receiver.For(alert.Id).Select(r => r.Target).Order());
        Assert.All(receiver.For(alert.Id), r => Assert.Equal("trigger", r.Event));
        Assert.True(receiver.For(alert.Id).Single(r => r.Target == "primary").Signed);
        var pd = receiver.For(alert.Id).Single(r => r.Target == "pagerduty").Body;
        Assert.Equal(alert.Id, pd.GetProperty("dedup_key").GetString());
        Assert.Equal("test-routing-key", pd.GetProperty("routing_key").GetString());

        // 9 minutes 59 seconds unacknowledged: still nobody else.
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(receiver.For(alert.Id), r => r.Target == "secondary");
        await cluster.AdvanceAsync(TimeSpan.FromSeconds(1));
        await receiver.WaitUntilAsync(_ => receiver.For(alert.Id).Any(r => r.Target == "secondary"));
        var escalated = receiver.For(alert.Id).Single(r => r.Target == "secondary");
        Assert.Equal(("trigger", "escalated", 1), (escalated.Event, escalated.Body.GetProperty("reason").GetString(), escalated.Body.GetProperty("level").GetInt32()));

        // Acknowledged: everyone paged hears it once; escalation stops.
        await Feed.AcknowledgeAsync(alert.Id, "dana");
        await receiver.WaitUntilAsync(_ => receiver.For(alert.Id).Count(r => r.Event == "acknowledge") == 3);

        // Nobody touches it for 30 minutes: the acknowledgement is stale and everyone paged is reminded.
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(receiver.For(alert.Id), r => r.IdempotencyKey.Contains(".stale", StringComparison.Ordinal));
        await cluster.AdvanceAsync(TimeSpan.FromSeconds(1));
        await receiver.WaitUntilAsync(_ => receiver.For(alert.Id).Count(r => r.IdempotencyKey.Contains(".stale1", StringComparison.Ordinal)) == 3);
        Assert.Equal("acknowledgement_stale", receiver.For(alert.Id).First(r => r.Target == "primary" && r.IdempotencyKey.Contains(".stale1", StringComparison.Ordinal)).Body.GetProperty("reason").GetString());

        await Feed.ResolveAsync(alert.Id, "dana");
        await receiver.WaitUntilAsync(_ => receiver.For(alert.Id).Count(r => r.Event == "resolve") == 3);

        // Each transition reached each target exactly once, and the timeline says who was told what.
        Assert.All(receiver.For(alert.Id).GroupBy(r => r.IdempotencyKey), g => Assert.Single(g));
        var timeline = await TestAlerts.WaitForTimelineAsync(Feed, alert.Id,
            t => t.Any(e => e.Kind == AlertTimelineEntry.Notified && e.Text!.StartsWith("resolve → pagerduty", StringComparison.Ordinal)));
        Assert.Contains(timeline, e => e.Kind == AlertTimelineEntry.Escalated && e.Text!.Contains("secondary", StringComparison.Ordinal));
        var delivered = await TestAlerts.WaitForAsync(Feed, alert.Id, a => a.Delivery?.State == DeliveryStatusView.DeliveredState);
        Assert.Equal((12, 0, 0), (delivered.Delivery!.Delivered, delivered.Delivery.Pending, delivered.Delivery.Failed));
    }

    [Fact]
    public async Task An_alert_that_does_not_page_notifies_nobody_until_its_pages_flag_turns_true()
    {
        var alert = await TestAlerts.OpenAsync(Feed, TestAlerts.NewMerchant(), cluster.Clock.GetUtcNow(), severity: "major", pages: false);
        await cluster.AdvanceAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(cluster.Receiver.For(alert.Id));

        await TestAlerts.ChangeAsync(Feed, alert, "updated", cluster.Clock.GetUtcNow(), pages: true);
        await cluster.Receiver.WaitUntilAsync(_ => cluster.Receiver.For(alert.Id).Count(r => r.Accepted) == 1);
        Assert.Equal("primary", cluster.Receiver.For(alert.Id).Single().Target);
    }
}
