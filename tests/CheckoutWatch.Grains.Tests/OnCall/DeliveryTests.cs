using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Grains.Tests.Infrastructure;
using Orleans.Core.Internal;

namespace CheckoutWatch.Grains.Tests.OnCall;

/// <summary>Retries, give-up and restart of deliveries against the real receiver.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DeliveryTests(ClusterFixture cluster)
{
    private IAlertFeedGrain Feed => cluster.Grains.GetGrain<IAlertFeedGrain>(0);

    [Fact]
    public async Task Failed_deliveries_are_retried_with_backoff_and_the_alert_shows_it_until_they_get_through()
    {
        var merchant = TestAlerts.NewMerchant();
        var receiver = cluster.Receiver;
        var alert = await OpenFailingAsync(merchant, failures: 4);

        // Both first attempts failed: the alert says so, on every board.
        await receiver.WaitUntilAsync(_ => receiver.For(alert.Id).Count == 2);
        var retrying = await WaitForAlertAsync(alert.Id, a => a.Delivery?.State == DeliveryStatusView.RetryingState);
        Assert.Contains("HTTP 503", retrying.Delivery!.LastError, StringComparison.Ordinal);
        Assert.Contains(cluster.Board.Alerts, a => a.Id == alert.Id && a.Delivery?.State == DeliveryStatusView.RetryingState);

        // Backoff with jitter: no retry before half the first delay (2.5 s); then on until both get through.
        await cluster.AdvanceAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(2, receiver.For(alert.Id).Count);
        for (var waited = 0; receiver.For(alert.Id).Count(r => r.Accepted) < 2 && waited < 120; waited++)
        {
            await cluster.AdvanceAsync(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }

        // Two failures each, then one success each: six requests, no more.
        await receiver.WaitUntilAsync(_ => receiver.For(alert.Id).Count(r => r.Accepted) == 2);
        Assert.Equal(6, receiver.For(alert.Id).Count);
        var delivered = await WaitForAlertAsync(alert.Id, a => a.Delivery?.State == DeliveryStatusView.DeliveredState);
        Assert.Equal(2, delivered.Delivery!.Delivered);
        Assert.Equal(2, receiver.For(alert.Id).Count(r => r.Accepted));
        Assert.All(receiver.For(alert.Id).Where(r => r.Target == "primary"), r => Assert.True(r.Signed));
        var deliveries = await cluster.Grains.GetGrain<IAlertNotifierGrain>(alert.Id).GetDeliveriesAsync();
        Assert.All(deliveries, d => Assert.Equal(("delivered", 3), (d.State, d.Attempts)));
        Assert.Contains(await Feed.GetTimelineAsync(alert.Id), e => e.Kind == AlertTimelineEntry.DeliveryFailed);
    }

    [Fact]
    public async Task A_refused_delivery_is_given_up_at_once_and_marked_failed_on_the_alert()
    {
        var alert = await OpenFailingAsync(TestAlerts.NewMerchant(), failures: 2, status: 400);
        var failed = await WaitForAlertAsync(alert.Id, a => a.Delivery is { Failed: 2 });
        Assert.Equal(DeliveryStatusView.FailedState, failed.Delivery!.State);
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(2, cluster.Receiver.For(alert.Id).Count);
        Assert.Contains(await Feed.GetTimelineAsync(alert.Id), e => e.Kind == AlertTimelineEntry.DeliveryGivenUp);
    }

    [Fact]
    public async Task Pending_deliveries_survive_a_deactivation_and_each_transition_arrives_once()
    {
        var alert = await OpenFailingAsync(TestAlerts.NewMerchant(), failures: 2);
        var receiver = cluster.Receiver;
        await receiver.WaitUntilAsync(_ => receiver.For(alert.Id).Count == 2);
        await WaitForAlertAsync(alert.Id, a => a.Delivery?.State == DeliveryStatusView.RetryingState);

        // The notifier goes away with two deliveries pending (as on a node restart).
        var notifier = cluster.Grains.GetGrain<IAlertNotifierGrain>(alert.Id);
        await notifier.Cast<IGrainManagementExtension>().DeactivateOnIdle();

        // The feed hands the same alert version over again: nothing new is planned from it.
        var current = (await Feed.GetAsync(alert.Id))!;
        await notifier.AlertChangedAsync(current);
        Assert.Equal([$"{alert.Id}:c1.l0:pagerduty", $"{alert.Id}:c1.l0:primary"], (await notifier.GetDeliveriesAsync()).Select(d => d.Key).Order());

        await cluster.AdvanceAsync(TimeSpan.FromSeconds(10));
        await receiver.WaitUntilAsync(_ => receiver.For(alert.Id).Count(r => r.Accepted) == 2);
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(2, receiver.For(alert.Id).Count(r => r.Accepted));
        Assert.All(receiver.For(alert.Id).Where(r => r.Accepted).GroupBy(r => r.IdempotencyKey), g => Assert.Single(g));
        Assert.All(await notifier.GetDeliveriesAsync(), d => Assert.Equal("delivered", d.State));
    }

    private async Task<AlertView> OpenFailingAsync(string merchant, int failures, int status = 503)
    {
        // The alert id is known only once opened, so the first attempts go to a silenced alert's
        // successor: open it silenced, arm the failures, then end the silence.
        var silences = cluster.Grains.GetGrain<ISilenceGrain>(0);
        var now = cluster.Clock.GetUtcNow();
        var silence = await silences.CreateAsync(new SilenceView("", merchant, null, null, null, now, now.AddHours(1), "test", "arming failures", now));
        var alert = await TestAlerts.OpenAsync(Feed, merchant, now);
        Assert.NotNull((await Feed.GetAsync(alert.Id))!.Silenced);
        cluster.Receiver.Fail(alert.Id, failures, status);
        await silences.ExpireAsync(silence.Id, "test");
        return alert;
    }

    private Task<AlertView> WaitForAlertAsync(string id, Func<AlertView, bool> match) => TestAlerts.WaitForAsync(Feed, id, match);
}
