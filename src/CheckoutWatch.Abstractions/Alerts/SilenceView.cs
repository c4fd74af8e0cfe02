namespace CheckoutWatch.Abstractions.Alerts;

/// <summary>
/// A silence (maintenance window): alerts of <see cref="MerchantId"/>, <see cref="Kind"/> and
/// dimension (<see cref="DimensionKind"/>/<see cref="DimensionValue"/>; null = any) live between
/// <see cref="StartsAt"/> and <see cref="EndsAt"/> are marked and notify nobody. Expiring it early
/// moves <see cref="EndsAt"/> to that moment and records who did.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SilenceView(
    [property: Id(0)] string Id,
    [property: Id(1)] string? MerchantId,
    [property: Id(2)] string? Kind,
    [property: Id(3)] string? DimensionKind,
    [property: Id(4)] string? DimensionValue,
    [property: Id(5)] DateTimeOffset StartsAt,
    [property: Id(6)] DateTimeOffset EndsAt,
    [property: Id(7)] string Author,
    [property: Id(8)] string Reason,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] string? ExpiredBy = null)
{
    public bool ActiveAt(DateTimeOffset at) => StartsAt <= at && at < EndsAt;
}
