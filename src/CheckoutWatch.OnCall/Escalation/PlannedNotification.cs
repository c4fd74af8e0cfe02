namespace CheckoutWatch.OnCall.Escalation;

/// <summary>
/// One message to one target. <see cref="Transition"/> names the alert's state change within its
/// cycle (<c>c1.l0</c>, <c>c1.ack</c>, <c>c1.stale2</c>, <c>c1.resolve</c>): together with the alert
/// and the target it is the idempotency key, so the same transition never goes out twice.
/// </summary>
public sealed record PlannedNotification(string Transition, NotificationEvent Event, string Target, int Level, string Reason)
{
    public string IdempotencyKey(string alertId) => $"{alertId}:{Transition}:{Target}";
}
