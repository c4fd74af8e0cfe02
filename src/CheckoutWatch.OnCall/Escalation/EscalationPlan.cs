namespace CheckoutWatch.OnCall.Escalation;

/// <summary>What to send now, the progress after sending it, and when to look again (null: only on a change).</summary>
public sealed record EscalationPlan(
    IReadOnlyList<PlannedNotification> Notifications,
    EscalationProgress Progress,
    DateTimeOffset? WakeAt);
