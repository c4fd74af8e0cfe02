using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Sessions;

namespace CheckoutWatch.Detection.Tests.Sessions;

public sealed class CheckoutSessionTests
{
    private static readonly DateTimeOffset _t0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly SessionTimeouts _timeouts = SessionTimeouts.Default;
    private int _ids;

    private CheckoutEvent E(CheckoutEventType type, double second, string? id = null, string? method = "card") =>
        new(id ?? $"e{++_ids}", "shop", "s1", type, _t0.AddSeconds(second))
        {
            AmountMinor = 1999,
            Currency = "EUR",
            Psp = "adyen",
            PaymentMethod = method,
            DeclineCode = type == CheckoutEventType.PaymentFailed ? "51" : null,
            FailureKind = type == CheckoutEventType.PaymentFailed ? FailureKind.Declined : FailureKind.None,
        };

    [Fact]
    public void Started_session_is_in_flight_until_completed()
    {
        var s = new CheckoutSession("shop", "s1");
        Assert.Equal(1, s.Apply(E(CheckoutEventType.CheckoutStarted, 0), _timeouts).InFlightDelta);
        Assert.True(s.InFlight);
        Assert.Equal(-1, s.Apply(E(CheckoutEventType.CheckoutCompleted, 9), _timeouts).InFlightDelta);
        Assert.False(s.InFlight);
    }

    [Fact]
    public void Completion_arriving_first_never_counts_as_in_flight()
    {
        var s = new CheckoutSession("shop", "s1");
        Assert.Equal(0, s.Apply(E(CheckoutEventType.CheckoutCompleted, 9), _timeouts).InFlightDelta);
        Assert.Equal(0, s.Apply(E(CheckoutEventType.CheckoutStarted, 0), _timeouts).InFlightDelta);
        Assert.True(s.Completed);
    }

    [Fact]
    public void Duplicate_event_id_changes_nothing()
    {
        var s = new CheckoutSession("shop", "s1");
        s.Apply(E(CheckoutEventType.PaymentFailed, 1, id: "x"), _timeouts);
        var again = s.Apply(E(CheckoutEventType.PaymentFailed, 1, id: "x"), _timeouts);
        Assert.True(again.Duplicate);
        Assert.Equal(1, s.FailedAttempts);
    }

    [Fact]
    public void Third_failure_without_success_is_a_repeated_failures_finding_reported_once()
    {
        var s = new CheckoutSession("shop", "s1");
        Assert.Null(s.Apply(E(CheckoutEventType.PaymentFailed, 1), _timeouts).Finding);
        Assert.Null(s.Apply(E(CheckoutEventType.PaymentFailed, 2), _timeouts).Finding);
        var finding = s.Apply(E(CheckoutEventType.PaymentFailed, 3), _timeouts).Finding;
        Assert.Equal(SessionFindingKind.RepeatedPaymentFailures, finding?.Kind);
        Assert.Equal("51", finding?.DeclineCode);
        Assert.Equal(3, finding?.FailedAttempts);
        Assert.Null(s.Apply(E(CheckoutEventType.PaymentFailed, 4), _timeouts).Finding);
    }

    [Fact]
    public void Failures_after_a_success_do_not_make_repeated_failures()
    {
        var s = new CheckoutSession("shop", "s1");
        s.Apply(E(CheckoutEventType.PaymentSucceeded, 1), _timeouts);
        for (var i = 2; i < 6; i++)
        {
            Assert.Null(s.Apply(E(CheckoutEventType.PaymentFailed, i), _timeouts).Finding);
        }
    }

    [Fact]
    public void Second_success_is_a_duplicate_charge_at_once()
    {
        var s = new CheckoutSession("shop", "s1");
        Assert.Null(s.Apply(E(CheckoutEventType.PaymentSucceeded, 1), _timeouts).Finding);
        var finding = s.Apply(E(CheckoutEventType.PaymentSucceeded, 2), _timeouts).Finding;
        Assert.Equal(SessionFindingKind.DuplicateCharge, finding?.Kind);
        Assert.Equal(1999, finding?.AmountMinor);
    }

    [Fact]
    public void Submitted_payment_is_stuck_at_its_deadline_and_reported_once()
    {
        var s = new CheckoutSession("shop", "s1");
        s.Apply(E(CheckoutEventType.PaymentSubmitted, 10), _timeouts);
        Assert.Null(s.CheckStuck(_t0.AddSeconds(69.9), _timeouts));
        var finding = s.CheckStuck(_t0.AddSeconds(70), _timeouts);
        Assert.Equal(SessionFindingKind.SessionStuck, finding?.Kind);
        Assert.Equal(PaymentState.Submitted, finding?.StuckIn);
        Assert.Null(s.CheckStuck(_t0.AddSeconds(80), _timeouts));
    }

    [Fact]
    public void Reported_stuck_payment_has_no_pending_deadline_until_the_next_payment_event()
    {
        var s = new CheckoutSession("shop", "s1");
        s.Apply(E(CheckoutEventType.PaymentSubmitted, 0), _timeouts);
        Assert.Equal(_t0.AddSeconds(60), s.PendingStuckDeadline(_timeouts));
        Assert.NotNull(s.CheckStuck(_t0.AddSeconds(61), _timeouts));
        Assert.Null(s.PendingStuckDeadline(_timeouts));
        Assert.NotNull(s.StuckDeadline(_timeouts));

        s.Apply(E(CheckoutEventType.PaymentActionRequired, 70), _timeouts);
        Assert.Equal(_t0.AddSeconds(70) + _timeouts.PaymentActionRequired, s.PendingStuckDeadline(_timeouts));
    }

    [Fact]
    public void Three_d_secure_waits_fifteen_minutes_before_stuck()
    {
        var s = new CheckoutSession("shop", "s1");
        s.Apply(E(CheckoutEventType.PaymentSubmitted, 0), _timeouts);
        s.Apply(E(CheckoutEventType.PaymentActionRequired, 2), _timeouts);
        Assert.Equal(_t0.AddSeconds(2) + TimeSpan.FromMinutes(15), s.StuckDeadline(_timeouts));
    }

    [Fact]
    public void Per_method_timeout_overrides_the_default()
    {
        var timeouts = _timeouts with { SubmittedByMethod = new Dictionary<string, TimeSpan> { ["sepa_debit"] = TimeSpan.FromDays(3) } };
        var s = new CheckoutSession("shop", "s1");
        s.Apply(E(CheckoutEventType.PaymentSubmitted, 0, method: "sepa_debit"), timeouts);
        Assert.Equal(_t0.AddDays(3), s.StuckDeadline(timeouts));
    }

    [Fact]
    public void Late_older_payment_event_does_not_rewind_the_state()
    {
        var s = new CheckoutSession("shop", "s1");
        s.Apply(E(CheckoutEventType.PaymentSucceeded, 10), _timeouts);
        s.Apply(E(CheckoutEventType.PaymentSubmitted, 5), _timeouts);
        Assert.Equal(PaymentState.Succeeded, s.Payment);
        Assert.Null(s.StuckDeadline(_timeouts));
        Assert.Equal(1, s.PaymentAttempts);
    }

    [Fact]
    public void Quiet_session_without_pending_payment_expires_after_idle_timeout()
    {
        var s = new CheckoutSession("shop", "s1");
        s.Apply(E(CheckoutEventType.CheckoutStarted, 0), _timeouts);
        Assert.Equal(0, s.ExpireIfIdle(_t0 + _timeouts.Idle - TimeSpan.FromSeconds(1), _timeouts));
        Assert.Equal(-1, s.ExpireIfIdle(_t0 + _timeouts.Idle, _timeouts));
        Assert.True(s.Abandoned);
        Assert.Equal(0, s.ExpireIfIdle(_t0 + _timeouts.Idle * 2, _timeouts));
    }
}
