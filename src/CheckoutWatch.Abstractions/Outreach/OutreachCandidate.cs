using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Abstractions.Outreach;

/// <summary>A customer a merchant grain found worth contacting; the outreach grain turns it into (or merges it with) an item.</summary>
[GenerateSerializer, Immutable]
public sealed record OutreachCandidate(
    [property: Id(0)] OutreachReason Reason,
    [property: Id(1)] string MerchantId,
    [property: Id(2)] string SessionId,
    [property: Id(3)] DateTimeOffset DetectedAt)
{
    [Id(4)] public long? AmountMinor { get; init; }
    [Id(5)] public string? Currency { get; init; }
    [Id(6)] public string? Psp { get; init; }
    [Id(7)] public string? PaymentMethod { get; init; }
    [Id(8)] public string? CardNetwork { get; init; }
    [Id(9)] public string? DeclineCode { get; init; }
    /// <summary>Wire name of the failure kind (declined, error, timeout) of the latest failure, if any.</summary>
    [Id(10)] public string? FailureKind { get; init; }
    [Id(11)] public CustomerInfo? Customer { get; init; }
    /// <summary>The open incident the failure fell into (<see cref="OutreachReason.IncidentFailure"/>).</summary>
    [Id(12)] public string? IncidentKey { get; init; }
    [Id(13)] public int FailedAttempts { get; init; }
}
