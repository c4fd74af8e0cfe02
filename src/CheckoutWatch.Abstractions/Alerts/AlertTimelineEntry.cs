namespace CheckoutWatch.Abstractions.Alerts;

/// <summary>
/// One thing that happened to an alert: <see cref="Kind"/> is opened, severity_changed,
/// acknowledged, note, resolved, reopened, silenced, unsilenced, notified, escalated,
/// delivery_failed, delivery_given_up or agent_escalation (a support agent's escalation); <see cref="Actor"/> is a person, <c>detection</c>,
/// <c>auto</c> or <c>notifier</c>; <see cref="Text"/> the note or the detail.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AlertTimelineEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Actor,
    [property: Id(3)] string? Text)
{
    public const string Opened = "opened";
    public const string SeverityChanged = "severity_changed";
    public const string Acknowledged = "acknowledged";
    public const string Note = "note";
    public const string Resolved = "resolved";
    public const string Reopened = "reopened";
    public const string Silenced = "silenced";
    public const string Unsilenced = "unsilenced";
    public const string Notified = "notified";
    public const string Escalated = "escalated";
    public const string DeliveryFailed = "delivery_failed";
    public const string DeliveryGivenUp = "delivery_given_up";
    public const string AgentEscalation = "agent_escalation";
}
