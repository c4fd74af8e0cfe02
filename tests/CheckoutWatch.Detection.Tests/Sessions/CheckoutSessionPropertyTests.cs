using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Sessions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static CheckoutWatch.Detection.Tests.Sessions.SessionRun;

namespace CheckoutWatch.Detection.Tests.Sessions;

/// <summary>
/// The session invariants of docs/robustness.md, for any events in any order with duplicates.
/// "Applied" is the first delivery of each event id; later deliveries of that id are duplicates
/// whatever their content.
/// </summary>
public sealed class CheckoutSessionPropertyTests
{
    private static readonly Arbitrary<SessionScript> _scripts = SessionScript.Generator().ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Counts_match_the_distinct_events_and_repeats_are_duplicates() => Prop.ForAll(_scripts, script =>
    {
        var run = Of(script);
        var applied = script.Applied;
        var s = run.Session;

        Assert.Equal(applied.Count, s.EventCount);
        Assert.Equal(script.Deliveries.Count - applied.Count, run.Results.Count(r => r.Duplicate));
        var seen = new HashSet<string>();
        for (var i = 0; i < script.Deliveries.Count; i++)
        {
            Assert.Equal(!seen.Add(script.Deliveries[i].EventId), run.Results[i].Duplicate);
        }

        Assert.Equal(Count(applied, CheckoutEventType.PaymentSubmitted), s.PaymentAttempts);
        Assert.Equal(Count(applied, CheckoutEventType.PaymentSucceeded), s.SuccessfulPayments);
        Assert.Equal(Count(applied, CheckoutEventType.PaymentFailed), s.FailedAttempts);
        Assert.Equal(applied.Min(e => e.OccurredAt), s.FirstEventAt);
        Assert.Equal(applied.Max(e => e.OccurredAt), s.LastEventAt);
        Assert.Equal(Count(applied, CheckoutEventType.CheckoutStarted) > 0, s.Started);
        Assert.DoesNotContain(run.Results, r => r.Refused);
    });

    [Property(MaxTest = 500)]
    public Property Closed_sessions_stay_closed_and_in_flight_is_zero_or_one() => Prop.ForAll(_scripts, script =>
    {
        var run = Of(script);
        var applied = script.Applied;
        var s = run.Session;

        Assert.Equal(Count(applied, CheckoutEventType.CheckoutCompleted) > 0, s.Completed);
        Assert.Equal(Count(applied, CheckoutEventType.CheckoutAbandoned) > 0, s.Abandoned);
        Assert.Equal(s.Completed || s.Abandoned, s.Closed);
        var firstClosed = run.ClosedAfter.ToList().IndexOf(true);
        Assert.True(firstClosed < 0 || run.ClosedAfter.Skip(firstClosed).All(c => c), "a closed session re-opened");
        Assert.All(run.InFlightAfter, n => Assert.InRange(n, 0, 1));
        Assert.Equal(s.InFlight ? 1 : 0, run.InFlightAfter[^1]);
        Assert.Equal(!s.Closed, s.InFlight);
    });

    [Property(MaxTest = 500)]
    public Property Findings_come_at_most_once_per_kind_and_exactly_when_due() => Prop.ForAll(_scripts, script =>
    {
        var run = Of(script);
        var applied = script.Applied;
        var byKind = run.Findings.GroupBy(f => f.Kind).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(byKind.Values, n => Assert.Equal(1, n));
        // A duplicate charge iff two or more distinct successful payments.
        Assert.Equal(Count(applied, CheckoutEventType.PaymentSucceeded) >= 2, byKind.ContainsKey(SessionFindingKind.DuplicateCharge));
        // Repeated failures iff the threshold of failures arrived before the first success.
        var failuresBeforeSuccess = applied.TakeWhile(e => e.Type != CheckoutEventType.PaymentSucceeded)
            .Count(e => e.Type == CheckoutEventType.PaymentFailed);
        Assert.Equal(failuresBeforeSuccess >= SessionTimeouts.Default.RepeatedFailureThreshold, byKind.ContainsKey(SessionFindingKind.RepeatedPaymentFailures));

        // A stuck payment is reported once, however often the timer checks.
        var late = SessionScript.T0.AddDays(30);
        var first = run.Session.CheckStuck(late, SessionTimeouts.Default);
        Assert.Null(run.Session.CheckStuck(late.AddDays(1), SessionTimeouts.Default));
        Assert.Equal(first is not null, run.Session.Payment is PaymentState.Submitted or PaymentState.ActionRequired && !run.Session.Closed);
    });

    [Property(MaxTest = 500)]
    public Property Payment_state_follows_the_latest_payment_event_in_event_time() => Prop.ForAll(_scripts, script =>
    {
        var s = Of(script).Session;
        var latest = script.Applied.Where(e => e.IsPaymentEvent).MaxBy(e => e.OccurredAt);
        var expected = latest?.Type switch
        {
            null => PaymentState.None,
            CheckoutEventType.PaymentSubmitted => PaymentState.Submitted,
            CheckoutEventType.PaymentActionRequired => PaymentState.ActionRequired,
            CheckoutEventType.PaymentSucceeded => PaymentState.Succeeded,
            _ => PaymentState.Failed,
        };
        Assert.Equal(expected, s.Payment);
        Assert.True(s.AmountMinor is null || script.Applied.Any(e => e.AmountMinor == s.AmountMinor));
    });

    [Property(MaxTest = 300)]
    public Property The_order_of_delivery_does_not_change_the_outcome() =>
        Prop.ForAll(SessionScript.Generator().Select(Canonical).SelectMany(s => s.Reordered(), (a, b) => (a, b)).ToArbitrary(), pair =>
        {
            // The same deliveries in another order. Repeats carry their id's first content here:
            // with differing copies, which copy counts depends on the order by design.
            var (a, b) = pair;
            var (x, y) = (Of(a).Session, Of(b).Session);
            Assert.Equal((x.EventCount, x.PaymentAttempts, x.SuccessfulPayments, x.FailedAttempts), (y.EventCount, y.PaymentAttempts, y.SuccessfulPayments, y.FailedAttempts));
            Assert.Equal((x.Started, x.Completed, x.Abandoned, x.Closed, x.InFlight), (y.Started, y.Completed, y.Abandoned, y.Closed, y.InFlight));
            Assert.Equal((x.FirstEventAt, x.LastEventAt, x.Payment), (y.FirstEventAt, y.LastEventAt, y.Payment));
            Assert.Equal(Of(a).Findings.Any(f => f.Kind == SessionFindingKind.DuplicateCharge), Of(b).Findings.Any(f => f.Kind == SessionFindingKind.DuplicateCharge));
        });

    [Property(MaxTest = 300)]
    public Property A_full_session_refuses_new_events_but_still_knows_its_duplicates() =>
        Prop.ForAll(SessionScript.Generator().ToArbitrary(), Gen.Choose(1, 10).ToArbitrary(), (script, cap) =>
        {
            var run = Of(script, SessionTimeouts.Default with { MaxEventsPerSession = cap });
            var applied = script.Applied;
            var kept = applied.Take(cap).Select(e => e.EventId).ToHashSet();

            Assert.Equal(Math.Min(cap, applied.Count), run.Session.EventCount);
            for (var i = 0; i < script.Deliveries.Count; i++)
            {
                var known = kept.Contains(script.Deliveries[i].EventId);
                var firstOfItsId = script.Deliveries.Select(d => d.EventId).ToList().IndexOf(script.Deliveries[i].EventId) == i;
                Assert.Equal(known && !firstOfItsId, run.Results[i].Duplicate);
                Assert.Equal(!known, run.Results[i].Refused);
            }
        });

    /// <summary>The script with every repeat replaced by its id's first delivery.</summary>
    private static SessionScript Canonical(SessionScript script)
    {
        var first = new Dictionary<string, CheckoutEvent>();
        foreach (var e in script.Deliveries) first.TryAdd(e.EventId, e);
        return new SessionScript(script.Deliveries.Select(e => first[e.EventId]).ToList());
    }
}
