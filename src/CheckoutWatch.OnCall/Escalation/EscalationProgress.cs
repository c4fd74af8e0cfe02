namespace CheckoutWatch.OnCall.Escalation;

/// <summary>
/// How far on-call notification of one alert has gone. A <em>cycle</em> starts when the alert
/// first may notify (or again after it was resolved and reopened) and closes when it resolves.
/// </summary>
public sealed record EscalationProgress(
    int Cycle,
    DateTimeOffset? CycleStartedAt,
    int Level,
    IReadOnlyList<string> Triggered,
    bool AcknowledgeSent,
    bool Closed,
    int StaleCount,
    DateTimeOffset? LastStaleAt)
{
    /// <summary>Nothing notified yet.</summary>
    public static EscalationProgress None { get; } = new(0, null, -1, [], false, true, 0, null);

    public bool Active => Cycle > 0 && !Closed;
}
