namespace CheckoutWatch.OnCall.Configuration;

/// <summary>One level of a policy: its targets, notified once the alert is unacknowledged for <see cref="After"/>.</summary>
public sealed class EscalationLevelOptions
{
    public TimeSpan After { get; set; }

    public List<string> Targets { get; set; } = [];
}
