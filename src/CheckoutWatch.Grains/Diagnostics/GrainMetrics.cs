using System.Diagnostics.Metrics;

namespace CheckoutWatch.Grains.Diagnostics;

/// <summary>The grains' own instruments (meter <c>CheckoutWatch.Grains</c>).</summary>
public static class GrainMetrics
{
    public const string MeterName = "CheckoutWatch.Grains";

    private static readonly Meter _meter = new(MeterName);

    /// <summary>Session timer wake-ups: about two per session; a steady climb means a timer spins.</summary>
    public static readonly Counter<long> SessionTimerTicks = _meter.CreateCounter<long>("checkoutwatch.session.timer_ticks");

    /// <summary>Per-session findings reported (stuck, repeated failures, duplicate charge).</summary>
    public static readonly Counter<long> SessionFindings = _meter.CreateCounter<long>("checkoutwatch.session.findings");

    /// <summary>On-call notifications delivered (2xx from the receiver).</summary>
    public static readonly Counter<long> NotificationsDelivered = _meter.CreateCounter<long>("checkoutwatch.notifications.delivered");

    /// <summary>Notification attempts that failed (each retry counts).</summary>
    public static readonly Counter<long> NotificationAttemptsFailed = _meter.CreateCounter<long>("checkoutwatch.notifications.attempts_failed");

    /// <summary>Notifications given up: not retryable, or out of attempts.</summary>
    public static readonly Counter<long> NotificationsGivenUp = _meter.CreateCounter<long>("checkoutwatch.notifications.given_up");
}
