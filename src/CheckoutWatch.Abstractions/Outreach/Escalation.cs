namespace CheckoutWatch.Abstractions.Outreach;

/// <summary>An agent's escalation to the payments team: a pattern seen across customers, optionally tied to an alert.</summary>
[GenerateSerializer, Immutable]
public sealed record Escalation(
    [property: Id(0)] string Id,
    [property: Id(1)] string RaisedBy,
    [property: Id(2)] DateTimeOffset RaisedAt,
    [property: Id(3)] string Note)
{
    [Id(4)] public string? AlertId { get; init; }
    [Id(5)] public string? MerchantId { get; init; }
    [Id(6)] public string? OutreachItemId { get; init; }
}
