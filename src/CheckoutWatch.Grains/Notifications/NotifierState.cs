using CheckoutWatch.Abstractions.Alerts;

namespace CheckoutWatch.Grains.Notifications;

/// <summary>One alert's notification state: its latest version, escalation progress and deliveries.</summary>
[GenerateSerializer]
public sealed class NotifierState
{
    [Id(0)] public AlertView? Alert { get; set; }
    [Id(1)] public EscalationProgressState Progress { get; set; } = new();
    [Id(2)] public DateTimeOffset? EscalationWakeAt { get; set; }
    [Id(3)] public Dictionary<string, DeliveryRecord> Deliveries { get; set; } = new(StringComparer.Ordinal);
    [Id(4)] public DeliveryStatusView? Reported { get; set; }
}
