namespace CheckoutWatch.Abstractions.Security;

/// <summary>A wall-display token as admins see it: never the token itself, only its id and history.</summary>
[GenerateSerializer, Immutable]
public sealed record DisplayTokenInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] string CreatedBy,
    [property: Id(4)] DateTimeOffset? RevokedAt,
    [property: Id(5)] string? RevokedBy)
{
    public bool Active => RevokedAt is null;
}
