namespace CheckoutWatch.Abstractions.Outreach;

/// <summary>Filters of the outreach list; null means any.</summary>
[GenerateSerializer, Immutable]
public sealed record OutreachQuery(
    [property: Id(0)] OutreachStatus? Status,
    [property: Id(1)] string? MerchantId,
    [property: Id(2)] OutreachReason? Reason,
    [property: Id(3)] string? ClaimedBy,
    [property: Id(4)] int Limit);
