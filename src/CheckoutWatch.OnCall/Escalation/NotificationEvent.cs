namespace CheckoutWatch.OnCall.Escalation;

/// <summary>The three PagerDuty Events v2 actions; the generic webhook uses the same names.</summary>
public enum NotificationEvent
{
    Trigger,
    Acknowledge,
    Resolve,
}
