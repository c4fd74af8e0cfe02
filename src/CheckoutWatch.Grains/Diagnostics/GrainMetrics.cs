using System.Diagnostics.Metrics;
using CheckoutWatch.Abstractions.Alerts;

namespace CheckoutWatch.Grains.Diagnostics;

/// <summary>The grains' own instruments (meter <c>CheckoutWatch.Grains</c>).</summary>
public static class GrainMetrics
{
    public const string MeterName = "CheckoutWatch.Grains";

    private static readonly Meter _meter = new(MeterName);

    /// <summary>
    /// Session deadlines the partitions' timing wheels acted on (stuck check, idle expiry, end of
    /// retention): a few per session; a steady climb with no traffic means a deadline re-arms in the past.
    /// </summary>
    public static readonly Counter<long> SessionWakeups = _meter.CreateCounter<long>("checkoutwatch.session.wakeups");

    /// <summary>Per-session findings reported (stuck, repeated failures, duplicate charge).</summary>
    public static readonly Counter<long> SessionFindings = _meter.CreateCounter<long>("checkoutwatch.session.findings");

    /// <summary>
    /// Events a merchant grain had already counted and dropped (cluster mode): retries and stream
    /// take-overs after a node's death. Outside a failover it stays near zero.
    /// </summary>
    public static readonly Counter<long> EventsCountedBefore = _meter.CreateCounter<long>(
        "checkoutwatch.merchant.events_counted_before", "{event}", "Redelivered events a merchant had already counted.");

    /// <summary>On-call notifications delivered (2xx from the receiver).</summary>
    public static readonly Counter<long> NotificationsDelivered = _meter.CreateCounter<long>("checkoutwatch.notifications.delivered");

    /// <summary>Notifications given up: not retryable, or out of attempts.</summary>
    public static readonly Counter<long> NotificationsGivenUp = _meter.CreateCounter<long>("checkoutwatch.notifications.given_up");

    /// <summary>Detection changes to alerts by <c>change</c> (opened, updated, resolved, reopened), <c>kind</c> and <c>severity</c>.</summary>
    public static readonly Counter<long> AlertChanges = _meter.CreateCounter<long>(
        "checkoutwatch.alerts.changes", "{change}", "Alert changes from detection, by change, kind and severity.");

    /// <summary>
    /// From the start of an incident (its first failing second, the first stuck session, the
    /// first missing traffic) to the alert: <c>DetectedAt - StartedAt</c>, as the backtest measures.
    /// </summary>
    public static readonly Histogram<double> DetectionDelay = _meter.CreateHistogram(
        "checkoutwatch.alerts.detection_delay", "s", "Incident start to alert opened, by kind and severity.",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 15, 20, 30, 45, 60, 90, 120, 300, 600, 1800] });

    /// <summary>
    /// Notifications (page, chat, e-mail, webhook) that could not be delivered, by <c>channel</c>
    /// and <c>reason</c>; call <see cref="NotificationFailed"/>.
    /// </summary>
    public static readonly Counter<long> NotificationsFailed = _meter.CreateCounter<long>(
        "checkoutwatch.notifications.failed", "{notification}", "Notifications that could not be delivered, by channel and reason.");

    public static void AlertChanged(string change, AlertView alert)
    {
        KeyValuePair<string, object?> kind = new("kind", alert.Kind), severity = new("severity", alert.Severity);
        AlertChanges.Add(1, new KeyValuePair<string, object?>("change", change), kind, severity);
        if (change == "opened")
        {
            DetectionDelay.Record(Math.Max(0, (alert.DetectedAt - alert.StartedAt).TotalSeconds), kind, severity);
        }
    }

    /// <summary>Counts one failed delivery; keep <paramref name="reason"/> to a small fixed set (timeout, http_5xx, rejected ...).</summary>
    public static void NotificationFailed(string channel, string reason) =>
        NotificationsFailed.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("reason", reason));
}
