using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Grains.Tests.Infrastructure;

namespace CheckoutWatch.Grains.Tests.OnCall;

[Collection(ClusterCollection.Name)]
public sealed class TimelineTests(ClusterFixture cluster)
{
    private IAlertFeedGrain Feed => cluster.Grains.GetGrain<IAlertFeedGrain>(0);

    [Fact]
    public async Task Every_state_change_and_note_is_on_the_timeline_with_time_and_actor_and_a_resolved_alert_can_be_reopened()
    {
        var alert = await TestAlerts.OpenAsync(Feed, TestAlerts.NewMerchant(), cluster.Clock.GetUtcNow(), severity: "major", pages: false);
        await TestAlerts.ChangeAsync(Feed, alert with { Severity = "critical" }, "updated", cluster.Clock.GetUtcNow());

        Assert.Equal("Only a resolved alert can be reopened.", (await Feed.ReopenAsync(alert.Id, "dana")).Error);
        await Feed.AcknowledgeAsync(alert.Id, "dana");
        var noted = await Feed.AddNoteAsync(alert.Id, "dana", "Adyen confirms an incident on their side.");
        Assert.Equal(1, noted.Alert!.NoteCount);
        Assert.Equal(("Adyen confirms an incident on their side.", "dana"), (noted.Alert.LatestNote!.Text, noted.Alert.LatestNote.By));
        Assert.True(noted.Alert.Sequence > alert.Sequence);
        Assert.Equal(AlertStatus.Acknowledged, noted.Alert.Status);

        await Feed.ResolveAsync(alert.Id, "sam");
        var reopened = await Feed.ReopenAsync(alert.Id, "lee");
        Assert.Equal(AlertStatus.Open, reopened.Alert!.Status);
        Assert.Null(reopened.Alert.AcknowledgedBy);
        Assert.Null(reopened.Alert.ResolvedAt);

        // Detection's automatic resolution later is recorded as "auto".
        await TestAlerts.ChangeAsync(Feed, reopened.Alert, "resolved", cluster.Clock.GetUtcNow(), status: AlertStatus.Resolved);

        var timeline = await Feed.GetTimelineAsync(alert.Id);
        Assert.Equal(
            [
                ("opened", "detection"), ("severity_changed", "detection"), ("acknowledged", "dana"), ("note", "dana"),
                ("resolved", "sam"), ("reopened", "lee"), ("resolved", "auto"),
            ],
            timeline.Select(e => (e.Kind, e.Actor)));
        Assert.Equal("major → critical", timeline[1].Text);
        Assert.Equal("Adyen confirms an incident on their side.", timeline[3].Text);
        Assert.All(timeline, e => Assert.NotEqual(default, e.At));

        // Every one of those changes reached the boards.
        Assert.Contains(cluster.Board.Alerts, a => a.Id == alert.Id && a.NoteCount == 1);
        Assert.Contains(cluster.Board.Alerts, a => a.Id == alert.Id && a.Status == AlertStatus.Open && a.Sequence == reopened.Alert.Sequence);
    }

    [Fact]
    public async Task Notes_reopen_and_timeline_of_an_unknown_alert_say_not_found()
    {
        Assert.True((await Feed.AddNoteAsync("al-nope", "x", "text")).NotFound);
        Assert.True((await Feed.ReopenAsync("al-nope", "x")).NotFound);
        Assert.True((await Feed.GetTimelineAsync("al-nope")).IsDefault);
    }
}
