using CheckoutWatch.OnCall.Escalation;

namespace CheckoutWatch.OnCall.Tests;

public sealed class EscalationPlannerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static readonly EscalationPlanner Planner = new(
        [
            new("*", "critical", [new(TimeSpan.Zero, ["primary"]), new(TimeSpan.FromMinutes(10), ["secondary"]), new(TimeSpan.FromMinutes(30), ["lead"])]),
            new("traffic_drop", "critical", [new(TimeSpan.Zero, ["drops"])]),
        ],
        TimeSpan.FromMinutes(30));

    private static AlertFacts Alert(string status = "open", bool pages = true, bool silenced = false, DateTimeOffset? ackAt = null, DateTimeOffset? noteAt = null, string kind = "payment_failure_spike", string severity = "critical") =>
        new("al-000001", "shop", kind, severity, status, pages, silenced, ackAt, noteAt);

    [Fact]
    public void An_unacknowledged_alert_escalates_level_by_level_on_time_and_resolve_goes_to_everyone_paged()
    {
        var plan = Planner.Plan(Alert(), EscalationProgress.None, T0);
        Assert.Equal(["primary"], plan.Notifications.Select(n => n.Target));
        Assert.Equal("c1.l0", plan.Notifications[0].Transition);
        Assert.Equal(EscalationPlanner.ReasonOpened, plan.Notifications[0].Reason);
        Assert.Equal(T0.AddMinutes(10), plan.WakeAt);

        // Nothing new a minute before the next level.
        var early = Planner.Plan(Alert(), plan.Progress, T0.AddMinutes(9));
        Assert.Empty(early.Notifications);
        Assert.Equal(T0.AddMinutes(10), early.WakeAt);

        var second = Planner.Plan(Alert(), early.Progress, T0.AddMinutes(10));
        var escalated = Assert.Single(second.Notifications);
        Assert.Equal(("secondary", "c1.l1", EscalationPlanner.ReasonEscalated, 1), (escalated.Target, escalated.Transition, escalated.Reason, escalated.Level));
        Assert.Equal(T0.AddMinutes(30), second.WakeAt);

        var third = Planner.Plan(Alert(), second.Progress, T0.AddMinutes(31));
        Assert.Equal(["lead"], third.Notifications.Select(n => n.Target));
        Assert.Null(third.WakeAt);

        var resolved = Planner.Plan(Alert("resolved"), third.Progress, T0.AddMinutes(40));
        Assert.Equal(["primary", "secondary", "lead"], resolved.Notifications.Select(n => n.Target));
        Assert.All(resolved.Notifications, n => Assert.Equal(NotificationEvent.Resolve, n.Event));
        Assert.True(resolved.Progress.Closed);
        Assert.Empty(Planner.Plan(Alert("resolved"), resolved.Progress, T0.AddMinutes(41)).Notifications);
    }

    [Fact]
    public void Acknowledging_stops_escalation_and_tells_the_paged_targets_once()
    {
        var opened = Planner.Plan(Alert(), EscalationProgress.None, T0);
        var acked = Planner.Plan(Alert("acknowledged", ackAt: T0.AddMinutes(2)), opened.Progress, T0.AddMinutes(2));
        var ack = Assert.Single(acked.Notifications);
        Assert.Equal((NotificationEvent.Acknowledge, "primary", "c1.ack"), (ack.Event, ack.Target, ack.Transition));

        // Past the secondary's time: no escalation for an acknowledged alert, no second ack.
        var later = Planner.Plan(Alert("acknowledged", ackAt: T0.AddMinutes(2)), acked.Progress, T0.AddMinutes(15));
        Assert.Empty(later.Notifications);
        Assert.Equal(T0.AddMinutes(32), later.WakeAt);
    }

    [Fact]
    public void A_stale_acknowledgement_renotifies_and_a_note_counts_as_activity()
    {
        var opened = Planner.Plan(Alert(), EscalationProgress.None, T0);
        var acked = Planner.Plan(Alert("acknowledged", ackAt: T0), opened.Progress, T0);

        // A note at 20 minutes moves the staleness out to 50.
        var noted = Planner.Plan(Alert("acknowledged", ackAt: T0, noteAt: T0.AddMinutes(20)), acked.Progress, T0.AddMinutes(30));
        Assert.Empty(noted.Notifications);
        Assert.Equal(T0.AddMinutes(50), noted.WakeAt);

        var stale = Planner.Plan(Alert("acknowledged", ackAt: T0, noteAt: T0.AddMinutes(20)), noted.Progress, T0.AddMinutes(50));
        var renotified = Assert.Single(stale.Notifications);
        Assert.Equal((NotificationEvent.Trigger, "c1.stale1", EscalationPlanner.ReasonStale), (renotified.Event, renotified.Transition, renotified.Reason));
        Assert.Equal(T0.AddMinutes(80), stale.WakeAt);

        var again = Planner.Plan(Alert("acknowledged", ackAt: T0, noteAt: T0.AddMinutes(20)), stale.Progress, T0.AddMinutes(80));
        Assert.Equal("c1.stale2", Assert.Single(again.Notifications).Transition);
    }

    [Fact]
    public void A_silenced_alert_notifies_nobody_until_the_silence_ends_while_it_is_still_open()
    {
        var silenced = Planner.Plan(Alert(silenced: true), EscalationProgress.None, T0);
        Assert.Empty(silenced.Notifications);
        Assert.False(silenced.Progress.Active);
        Assert.Null(silenced.WakeAt);

        // The silence ends at 20 minutes: the alert pages then, and escalates from then.
        var ended = Planner.Plan(Alert(), silenced.Progress, T0.AddMinutes(20));
        Assert.Equal(["primary"], ended.Notifications.Select(n => n.Target));
        Assert.Equal(T0.AddMinutes(30), ended.WakeAt);

        // Silenced again mid-cycle: escalation holds; a resolve still closes what was paged.
        var held = Planner.Plan(Alert(silenced: true), ended.Progress, T0.AddMinutes(45));
        Assert.Empty(held.Notifications);
        var resolved = Planner.Plan(Alert("resolved", silenced: true), held.Progress, T0.AddMinutes(50));
        Assert.Equal(["primary"], resolved.Notifications.Select(n => n.Target));
    }

    [Fact]
    public void A_child_alert_pages_the_moment_its_pages_flag_becomes_true_and_a_reopened_alert_starts_a_new_cycle()
    {
        var grace = Planner.Plan(Alert(pages: false), EscalationProgress.None, T0);
        Assert.Empty(grace.Notifications);

        var pages = Planner.Plan(Alert(), grace.Progress, T0.AddSeconds(90));
        Assert.Equal("c1.l0", Assert.Single(pages.Notifications).Transition);
        var resolved = Planner.Plan(Alert("resolved"), pages.Progress, T0.AddMinutes(5));

        var reopened = Planner.Plan(Alert(), resolved.Progress, T0.AddMinutes(8));
        Assert.Equal("c2.l0", Assert.Single(reopened.Notifications).Transition);
    }

    [Fact]
    public void The_most_specific_policy_wins_and_alerts_no_policy_covers_stay_on_the_board()
    {
        Assert.Equal(["drops"], Planner.Plan(Alert(kind: "traffic_drop"), EscalationProgress.None, T0).Notifications.Select(n => n.Target));
        var minor = Planner.Plan(Alert(severity: "minor"), EscalationProgress.None, T0);
        Assert.Empty(minor.Notifications);
        Assert.Null(minor.WakeAt);
    }

    [Fact]
    public void Idempotency_keys_name_alert_transition_and_target()
    {
        var n = Planner.Plan(Alert(), EscalationProgress.None, T0).Notifications[0];
        Assert.Equal("al-000001:c1.l0:primary", n.IdempotencyKey("al-000001"));
    }
}
