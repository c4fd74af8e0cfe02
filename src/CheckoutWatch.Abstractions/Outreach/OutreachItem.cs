namespace CheckoutWatch.Abstractions.Outreach;

/// <summary>
/// One affected customer on the outreach queue, as the grain keeps it. Every field's initial
/// value is its type's default: Orleans leaves default values out of saved state.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OutreachItem(
    [property: Id(0)] string Id,
    [property: Id(1)] OutreachCandidate Case,
    [property: Id(2)] DateTimeOffset CreatedAt)
{
    [Id(3)] public DateTimeOffset UpdatedAt { get; init; }
    [Id(4)] public OutreachStatus Status { get; init; }
    [Id(5)] public string? ClaimedBy { get; init; }
    [Id(6)] public DateTimeOffset? ClaimedAt { get; init; }
    [Id(7)] public DateTimeOffset? ClaimExpiresAt { get; init; }
    [Id(8)] public OutreachOutcome Outcome { get; init; }
    [Id(9)] public long? RecoveredAmountMinor { get; init; }
    [Id(10)] public string? OutcomeBy { get; init; }
    [Id(11)] public DateTimeOffset? OutcomeAt { get; init; }
    [Id(12)] public string? OutcomeNote { get; init; }
    /// <summary>Changes with every change of the item (boards keep the newest).</summary>
    [Id(13)] public long Version { get; init; }

    public OutreachReason Reason => Case.Reason;
}
