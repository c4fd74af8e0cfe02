using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Detection.Sessions;

/// <summary>
/// The state machine of one checkout session. Events may arrive late, out of order or twice:
/// duplicates (same eventId) are recognised and ignored, the payment state follows the latest
/// payment event in event time, and a completed or abandoned session stays closed. A session
/// holds at most <see cref="SessionTimeouts.MaxEventsPerSession"/> distinct events: more are
/// refused (not applied, not remembered), which bounds its memory. The invariants that any
/// sequence of events keeps are listed in docs/robustness.md and checked by property tests.
/// </summary>
public sealed class CheckoutSession(string merchantId, string sessionId)
{
    private readonly EventIdSet _eventIds = new();
    private DateTimeOffset _lastPaymentEventAt = DateTimeOffset.MinValue;
    private bool _repeatedFailuresReported;
    private bool _duplicateChargeReported;
    private DateTimeOffset? _stuckReportedFor;

    public string MerchantId { get; } = merchantId;
    public string SessionId { get; } = sessionId;
    public bool Started { get; private set; }
    public bool Closed { get; private set; }
    public bool Completed { get; private set; }
    public bool Abandoned { get; private set; }
    public PaymentState Payment { get; private set; }
    public int PaymentAttempts { get; private set; }
    public int FailedAttempts { get; private set; }
    /// <summary>Failures since the last success (what "repeated failures" counts).</summary>
    public int FailuresWithoutSuccess { get; private set; }
    public int SuccessfulPayments { get; private set; }
    public long? AmountMinor { get; private set; }
    public string? Currency { get; private set; }
    public string? Psp { get; private set; }
    public string? PaymentMethod { get; private set; }
    public string? CardNetwork { get; private set; }
    public string? LastDeclineCode { get; private set; }
    public CustomerInfo? Customer { get; private set; }
    public DateTimeOffset FirstEventAt { get; private set; } = DateTimeOffset.MaxValue;
    public DateTimeOffset LastEventAt { get; private set; } = DateTimeOffset.MinValue;
    public int EventCount => _eventIds.Count;

    /// <summary>Whether the session counts as in flight (seen, not closed).</summary>
    public bool InFlight => _eventIds.Count > 0 && !Closed;

    /// <summary>
    /// Applies one event. The caller guarantees the event belongs to this merchant and session.
    /// </summary>
    public SessionApplyResult Apply(CheckoutEvent evt, SessionTimeouts timeouts)
    {
        if (_eventIds.Contains(evt.EventId))
        {
            return SessionApplyResult.DuplicateEvent;
        }

        if (_eventIds.Count >= timeouts.MaxEventsPerSession)
        {
            return SessionApplyResult.SessionFull;
        }

        var wasInFlight = InFlight;
        _eventIds.Add(evt.EventId);
        if (evt.OccurredAt < FirstEventAt) FirstEventAt = evt.OccurredAt;
        if (evt.OccurredAt > LastEventAt) LastEventAt = evt.OccurredAt;
        if (evt.Customer is not null) Customer = evt.Customer;

        SessionFinding? finding = null;
        switch (evt.Type)
        {
            case CheckoutEventType.CheckoutStarted:
                Started = true;
                if (evt.AmountMinor is not null && AmountMinor is null) TakeMoney(evt);
                break;
            case CheckoutEventType.CheckoutCompleted:
                Completed = true;
                Closed = true;
                break;
            case CheckoutEventType.CheckoutAbandoned:
                Abandoned = true;
                Closed = true;
                break;
            default:
                finding = ApplyPayment(evt, timeouts);
                break;
        }

        var delta = (InFlight ? 1 : 0) - (wasInFlight ? 1 : 0);
        return new SessionApplyResult(false, delta, finding);
    }

    /// <summary>
    /// When the current payment becomes stuck, in event time; null when nothing is pending.
    /// </summary>
    public DateTimeOffset? StuckDeadline(SessionTimeouts timeouts) => Payment switch
    {
        _ when Closed => null,
        PaymentState.Submitted => SaturatingAdd(_lastPaymentEventAt, timeouts.SubmittedTimeoutFor(PaymentMethod)),
        PaymentState.ActionRequired => SaturatingAdd(_lastPaymentEventAt, timeouts.PaymentActionRequired),
        _ => null,
    };

    /// <summary>
    /// The stuck deadline still to be checked: null when nothing is pending or this payment was
    /// already reported stuck (so a host's timer never re-arms for a deadline in the past).
    /// </summary>
    public DateTimeOffset? PendingStuckDeadline(SessionTimeouts timeouts) =>
        _stuckReportedFor == _lastPaymentEventAt ? null : StuckDeadline(timeouts);

    /// <summary>
    /// Checks the stuck deadline at <paramref name="now"/>; reports each stuck payment once.
    /// </summary>
    public SessionFinding? CheckStuck(DateTimeOffset now, SessionTimeouts timeouts)
    {
        var deadline = StuckDeadline(timeouts);
        if (deadline is null || now < deadline || _stuckReportedFor == _lastPaymentEventAt)
        {
            return null;
        }

        _stuckReportedFor = _lastPaymentEventAt;
        return NewFinding(SessionFindingKind.SessionStuck, now) with { StuckIn = Payment };
    }

    /// <summary>
    /// Closes a session that went quiet with no payment pending (the customer left). Returns the
    /// in-flight change: -1 when it closed the session, otherwise 0.
    /// </summary>
    public int ExpireIfIdle(DateTimeOffset now, SessionTimeouts timeouts)
    {
        if (!InFlight || now - LastEventAt < timeouts.Idle || StuckDeadline(timeouts) is { } d && now < d)
        {
            return 0;
        }

        Abandoned = true;
        Closed = true;
        return -1;
    }

    private SessionFinding? ApplyPayment(CheckoutEvent evt, SessionTimeouts timeouts)
    {
        TakeMoney(evt);
        var state = evt.Type switch
        {
            CheckoutEventType.PaymentSubmitted => PaymentState.Submitted,
            CheckoutEventType.PaymentActionRequired => PaymentState.ActionRequired,
            CheckoutEventType.PaymentSucceeded => PaymentState.Succeeded,
            _ => PaymentState.Failed,
        };

        // A late event older than the latest payment event is counted but does not move the state.
        if (evt.OccurredAt >= _lastPaymentEventAt)
        {
            _lastPaymentEventAt = evt.OccurredAt;
            Payment = state;
        }

        switch (state)
        {
            case PaymentState.Submitted:
                PaymentAttempts++;
                return null;
            case PaymentState.Succeeded:
                SuccessfulPayments++;
                FailuresWithoutSuccess = 0;
                if (SuccessfulPayments >= 2 && !_duplicateChargeReported)
                {
                    _duplicateChargeReported = true;
                    return NewFinding(SessionFindingKind.DuplicateCharge, evt.OccurredAt);
                }

                return null;
            case PaymentState.Failed:
                FailedAttempts++;
                LastDeclineCode = evt.DeclineCode ?? LastDeclineCode;
                if (SuccessfulPayments == 0) FailuresWithoutSuccess++;
                if (FailuresWithoutSuccess >= timeouts.RepeatedFailureThreshold && !_repeatedFailuresReported)
                {
                    _repeatedFailuresReported = true;
                    return NewFinding(SessionFindingKind.RepeatedPaymentFailures, evt.OccurredAt);
                }

                return null;
            default:
                return null;
        }
    }

    // An event time near DateTimeOffset.MaxValue (possible outside the ingest window, e.g. in a
    // backtest log) must not make the deadline throw.
    private static DateTimeOffset SaturatingAdd(DateTimeOffset at, TimeSpan span) =>
        at > DateTimeOffset.MaxValue - span ? DateTimeOffset.MaxValue : at + span;

    private void TakeMoney(CheckoutEvent evt)
    {
        if (evt.AmountMinor is not null) AmountMinor = evt.AmountMinor;
        Currency = evt.Currency ?? Currency;
        Psp = evt.Psp ?? Psp;
        PaymentMethod = evt.PaymentMethod ?? PaymentMethod;
        CardNetwork = evt.CardNetwork ?? CardNetwork;
    }

    private SessionFinding NewFinding(SessionFindingKind kind, DateTimeOffset at) => new(kind, MerchantId, SessionId, at)
    {
        AmountMinor = AmountMinor,
        Currency = Currency,
        Psp = Psp,
        PaymentMethod = PaymentMethod,
        CardNetwork = CardNetwork,
        DeclineCode = LastDeclineCode,
        FailedAttempts = FailedAttempts,
        SuccessfulPayments = SuccessfulPayments,
        Customer = Customer,
    };
}
