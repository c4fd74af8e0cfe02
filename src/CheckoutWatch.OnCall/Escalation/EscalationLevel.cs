namespace CheckoutWatch.OnCall.Escalation;

/// <summary>One escalation step: these targets are notified once the alert is unacknowledged this long.</summary>
public sealed record EscalationLevel(TimeSpan After, IReadOnlyList<string> Targets);
