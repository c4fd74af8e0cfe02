using CheckoutWatch.OnCall.Escalation;

namespace CheckoutWatch.Grains.Notifications;

/// <summary>
/// The persisted form of <see cref="EscalationProgress"/>. Every field's "nothing yet" is its CLR
/// default: Orleans' serializer leaves default values out, so an initializer would come back instead.
/// </summary>
[GenerateSerializer]
public sealed class EscalationProgressState
{
    [Id(0)] public int Cycle { get; set; }
    [Id(1)] public DateTimeOffset? CycleStartedAt { get; set; }

    /// <summary>Levels notified so far in the cycle (the planner's level + 1).</summary>
    [Id(2)] public int LevelsNotified { get; set; }
    [Id(3)] public List<string> Triggered { get; set; } = [];
    [Id(4)] public bool AcknowledgeSent { get; set; }
    [Id(5)] public bool Active { get; set; }
    [Id(6)] public int StaleCount { get; set; }
    [Id(7)] public DateTimeOffset? LastStaleAt { get; set; }

    public EscalationProgress ToProgress() =>
        new(Cycle, CycleStartedAt, LevelsNotified - 1, [.. Triggered], AcknowledgeSent, !Active, StaleCount, LastStaleAt);

    public static EscalationProgressState From(EscalationProgress p) => new()
    {
        Cycle = p.Cycle,
        CycleStartedAt = p.CycleStartedAt,
        LevelsNotified = p.Level + 1,
        Triggered = [.. p.Triggered],
        AcknowledgeSent = p.AcknowledgeSent,
        Active = !p.Closed,
        StaleCount = p.StaleCount,
        LastStaleAt = p.LastStaleAt,
    };

    /// <summary>Same progress (the records' lists compare by reference, so compare here).</summary>
    public bool SameAs(EscalationProgress p) =>
        Cycle == p.Cycle && CycleStartedAt == p.CycleStartedAt && LevelsNotified == p.Level + 1
        && Triggered.SequenceEqual(p.Triggered, StringComparer.Ordinal) && AcknowledgeSent == p.AcknowledgeSent
        && Active == !p.Closed && StaleCount == p.StaleCount && LastStaleAt == p.LastStaleAt;
}
