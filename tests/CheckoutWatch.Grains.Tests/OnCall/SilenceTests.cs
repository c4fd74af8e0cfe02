using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Grains.Tests.Infrastructure;

namespace CheckoutWatch.Grains.Tests.OnCall;

[Collection(ClusterCollection.Name)]
public sealed class SilenceTests(ClusterFixture cluster)
{
    private IAlertFeedGrain Feed => cluster.Grains.GetGrain<IAlertFeedGrain>(0);

    private ISilenceGrain Silences => cluster.Grains.GetGrain<ISilenceGrain>(0);

    [Fact]
    public async Task A_silenced_alert_is_marked_and_notifies_nobody_until_the_silence_ends_while_it_is_open()
    {
        var merchant = TestAlerts.NewMerchant();
        var now = cluster.Clock.GetUtcNow();
        var silence = await Silences.CreateAsync(new SilenceView("", merchant, "payment_failure_spike", "psp", "adyen", now, now.AddMinutes(20), "dana", "Adyen maintenance", now));
        Assert.StartsWith("si-", silence.Id, StringComparison.Ordinal);

        var silenced = await TestAlerts.OpenAsync(Feed, merchant, now);
        var other = await TestAlerts.OpenAsync(Feed, merchant, now, dimensionValue: "stripe");
        Assert.Equal((silence.Id, "dana", "Adyen maintenance"), (silenced.Silenced!.SilenceId, silenced.Silenced.Author, silenced.Silenced.Reason));
        Assert.Null(other.Silenced);
        Assert.Contains(cluster.Board.Alerts, a => a.Id == silenced.Id && a.Silenced is not null);

        // The other slice pages at once; the silenced one stays quiet for the whole window.
        await cluster.Receiver.WaitUntilAsync(_ => cluster.Receiver.For(other.Id).Count(r => r.Accepted) == 2);
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(20) - TimeSpan.FromSeconds(1));
        Assert.Empty(cluster.Receiver.For(silenced.Id));

        // The silence ends while the alert is still open: it pages now.
        await cluster.AdvanceAsync(TimeSpan.FromSeconds(1));
        await cluster.Receiver.WaitUntilAsync(_ => cluster.Receiver.For(silenced.Id).Count(r => r.Accepted) == 2);
        Assert.Null((await Feed.GetAsync(silenced.Id))!.Silenced);
        var timeline = await TestAlerts.WaitForTimelineAsync(Feed, silenced.Id, t => t.Count(e => e.Kind == AlertTimelineEntry.Notified) == 2);
        Assert.Equal(["opened", "silenced", "unsilenced", "notified", "notified"], timeline.Select(e => e.Kind));
    }

    [Fact]
    public async Task An_alert_resolved_during_its_silence_never_notifies_and_an_expired_silence_is_listed_with_who_ended_it()
    {
        var merchant = TestAlerts.NewMerchant();
        var now = cluster.Clock.GetUtcNow();
        var silence = await Silences.CreateAsync(new SilenceView("", merchant, null, null, null, now, now.AddHours(2), "dana", "Deploy window", now));
        var alert = await TestAlerts.OpenAsync(Feed, merchant, now);
        await TestAlerts.ChangeAsync(Feed, alert, "resolved", now, status: AlertStatus.Resolved);

        var expired = await Silences.ExpireAsync(silence.Id, "lee");
        Assert.Equal(("lee", now), (expired!.ExpiredBy, expired.EndsAt));
        Assert.Null(await Silences.ExpireAsync("si-missing", "lee"));
        Assert.Contains(await Silences.ListAsync(), s => s.Id == silence.Id && s.ExpiredBy == "lee");

        await cluster.AdvanceAsync(TimeSpan.FromSeconds(5));
        Assert.Empty(cluster.Receiver.For(alert.Id));
        Assert.Null((await Feed.GetAsync(alert.Id))!.Silenced);
    }

    [Fact]
    public async Task A_scheduled_silence_marks_alerts_only_from_its_start()
    {
        var merchant = TestAlerts.NewMerchant();
        var now = cluster.Clock.GetUtcNow();
        await Silences.CreateAsync(new SilenceView("", merchant, null, null, null, now.AddMinutes(1), now.AddMinutes(30), "dana", "Planned PSP switch", now));
        var alert = await TestAlerts.OpenAsync(Feed, merchant, now, severity: "minor", pages: false);
        Assert.Null(alert.Silenced);
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(1));
        var marked = await TestAlerts.WaitForAsync(Feed, alert.Id, a => a.Silenced is not null);
        Assert.Equal("Planned PSP switch", marked.Silenced!.Reason);
    }
}
