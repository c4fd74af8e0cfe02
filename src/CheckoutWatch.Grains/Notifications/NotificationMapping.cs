using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.OnCall.Escalation;
using CheckoutWatch.OnCall.Notifications;

namespace CheckoutWatch.Grains.Notifications;

/// <summary>From the board contract's alert to what the pure on-call logic reads.</summary>
public static class NotificationMapping
{
    public static AlertFacts ToFacts(AlertView a) => new(
        a.Id, a.MerchantId, a.Kind, a.Severity, a.Status, a.Pages, a.Silenced is not null, a.AcknowledgedAt, a.LatestNote?.At);

    public static AlertSummary ToSummary(AlertView a) => new(
        a.Id, a.MerchantId, a.Kind, a.Severity, a.Status, a.Title, a.Dimension.Kind, a.Dimension.Value, a.DetectedAt,
        a.Figures.ObservedRate, a.Figures.BaselineRate, a.AffectedSessions, a.RevenueAtRiskMinor, a.Currency, a.AcknowledgedBy, a.ResolvedBy);

    /// <summary>The alert's delivery status as boards show it, or null when nothing was ever sent.</summary>
    public static DeliveryStatusView? Status(IEnumerable<DeliveryRecord> deliveries)
    {
        var all = deliveries.ToList();
        if (all.Count == 0)
        {
            return null;
        }

        var delivered = all.Count(d => d.State == DeliveryRecord.Delivered);
        var pending = all.Where(d => d.State == DeliveryRecord.Pending).ToList();
        var failed = all.Count(d => d.State == DeliveryRecord.Failed);
        var state = failed > 0 ? DeliveryStatusView.FailedState
            : pending.Any(d => d.Attempts > 0) ? DeliveryStatusView.RetryingState
            : pending.Count > 0 ? DeliveryStatusView.PendingState
            : DeliveryStatusView.DeliveredState;
        var lastError = all.Where(d => d.State != DeliveryRecord.Delivered && d.LastError is not null)
            .Select(d => $"{d.Target}: {d.LastError}")
            .LastOrDefault();
        return new DeliveryStatusView(state, delivered, pending.Count, failed, lastError);
    }

    public static DeliveryView ToView(DeliveryRecord d) =>
        new(d.Key, d.Target, d.Event, d.State, d.Attempts, d.NextAttemptAt, d.LastError);
}
