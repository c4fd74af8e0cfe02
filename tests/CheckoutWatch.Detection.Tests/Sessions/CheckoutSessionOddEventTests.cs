using System.Diagnostics;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Sessions;

namespace CheckoutWatch.Detection.Tests.Sessions;

/// <summary>Valid but odd event streams (docs/robustness.md, "Odd but valid events").</summary>
public sealed class CheckoutSessionOddEventTests
{
    private static readonly DateTimeOffset _t0 = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static CheckoutEvent E(string id, CheckoutEventType type, DateTimeOffset at, long? amount = 1_999) =>
        new(id, "shop", "s1", type, at)
        {
            AmountMinor = amount,
            Currency = "EUR",
            Psp = "adyen",
            PaymentMethod = "card",
            FailureKind = type == CheckoutEventType.PaymentFailed ? FailureKind.Declined : FailureKind.None,
        };

    [Fact]
    public void Session_that_completes_before_it_starts_is_closed_and_never_in_flight()
    {
        var s = new CheckoutSession("shop", "s1");

        var completed = s.Apply(E("c", CheckoutEventType.CheckoutCompleted, _t0.AddMinutes(5), amount: null), SessionTimeouts.Default);
        var started = s.Apply(E("a", CheckoutEventType.CheckoutStarted, _t0), SessionTimeouts.Default);
        var paid = s.Apply(E("p", CheckoutEventType.PaymentSucceeded, _t0.AddMinutes(1)), SessionTimeouts.Default);

        Assert.Equal((0, 0, 0), (completed.InFlightDelta, started.InFlightDelta, paid.InFlightDelta));
        Assert.True(s.Completed && s.Closed && s.Started);
        Assert.Equal((_t0, _t0.AddMinutes(5)), (s.FirstEventAt, s.LastEventAt));
        Assert.Equal(3, s.EventCount);
        Assert.Null(s.StuckDeadline(SessionTimeouts.Default));
    }

    [Fact]
    public void Duplicate_event_id_with_different_content_is_a_duplicate_and_the_first_content_stays()
    {
        var s = new CheckoutSession("shop", "s1");
        s.Apply(E("e1", CheckoutEventType.PaymentSubmitted, _t0, amount: 500), SessionTimeouts.Default);

        var again = s.Apply(E("e1", CheckoutEventType.PaymentSucceeded, _t0.AddSeconds(5), amount: 900), SessionTimeouts.Default);

        Assert.True(again.Duplicate);
        Assert.Equal((PaymentState.Submitted, 500L, 0), (s.Payment, s.AmountMinor!.Value, s.SuccessfulPayments));
    }

    [Fact]
    public void Amounts_at_long_max_value_are_kept_exactly_in_findings()
    {
        var s = new CheckoutSession("shop", "s1");
        s.Apply(E("p1", CheckoutEventType.PaymentSucceeded, _t0, amount: long.MaxValue), SessionTimeouts.Default);

        var second = s.Apply(E("p2", CheckoutEventType.PaymentSucceeded, _t0.AddSeconds(1), amount: long.MaxValue), SessionTimeouts.Default);

        Assert.Equal(SessionFindingKind.DuplicateCharge, second.Finding?.Kind);
        Assert.Equal(long.MaxValue, second.Finding!.AmountMinor);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Event_times_at_the_ends_of_the_calendar_do_not_throw(int end)
    {
        var at = end == 0 ? DateTimeOffset.MinValue : DateTimeOffset.MaxValue;
        var s = new CheckoutSession("shop", "s1");

        s.Apply(E("p", CheckoutEventType.PaymentSubmitted, at), SessionTimeouts.Default);

        var deadline = s.StuckDeadline(SessionTimeouts.Default);
        Assert.Equal(end == 0 ? at + SessionTimeouts.Default.PaymentSubmitted : DateTimeOffset.MaxValue, deadline);
        Assert.Equal(end == 0, s.CheckStuck(_t0, SessionTimeouts.Default) is not null);
        // An ancient pending payment is overdue at once: reported stuck, then closed as idle; one
        // in the far future is never overdue, and an in-flight session is not expired before it.
        Assert.Equal(end == 0 ? -1 : 0, s.ExpireIfIdle(_t0, SessionTimeouts.Default));
    }

    [Fact]
    public void Session_with_thousands_of_events_recognises_every_repeat_in_linear_time()
    {
        var s = new CheckoutSession("shop", "big");
        var events = Enumerable.Range(0, 9_000)
            .Select(i => E($"e{i}", (CheckoutEventType)(i % 5), _t0.AddMilliseconds(i)))
            .ToArray();
        var clock = Stopwatch.StartNew();

        var fresh = events.Count(e => !s.Apply(e, SessionTimeouts.Default).Duplicate);
        var repeats = events.Count(e => s.Apply(e, SessionTimeouts.Default).Duplicate);

        Assert.Equal((9_000, 9_000, 9_000), (fresh, repeats, s.EventCount));
        // A hash set past 16 ids: 18,000 applies take milliseconds (a list scan would take seconds).
        Assert.InRange(clock.ElapsedMilliseconds, 0, 2_000);
    }

    [Fact]
    public void Session_at_its_event_cap_refuses_new_events_and_keeps_recognising_old_ones()
    {
        var timeouts = SessionTimeouts.Default with { MaxEventsPerSession = 100 };
        var s = new CheckoutSession("shop", "s1");
        for (var i = 0; i < 100; i++)
        {
            Assert.False(s.Apply(E($"e{i}", CheckoutEventType.PaymentFailed, _t0.AddSeconds(i)), timeouts).Refused);
        }

        var refused = s.Apply(E("one-too-many", CheckoutEventType.PaymentSucceeded, _t0.AddHours(1)), timeouts);
        var old = s.Apply(E("e7", CheckoutEventType.PaymentFailed, _t0), timeouts);

        Assert.Equal((true, false, 0), (refused.Refused, refused.Duplicate, refused.InFlightDelta));
        Assert.Equal((false, true), (old.Refused, old.Duplicate));
        Assert.Equal((100, 0, PaymentState.Failed), (s.EventCount, s.SuccessfulPayments, s.Payment));
        Assert.Equal(10_000, SessionTimeouts.Default.MaxEventsPerSession);
    }
}
