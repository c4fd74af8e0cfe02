namespace CheckoutWatch.Abstractions.Security;

/// <summary>A revoked ingest key, known by the SHA-256 of the key (hex) and the configured name and slot it had.</summary>
[GenerateSerializer, Immutable]
public sealed record IngestKeyRevocation(
    [property: Id(0)] string KeyHash,
    [property: Id(1)] string Name,
    [property: Id(2)] string Slot,
    [property: Id(3)] DateTimeOffset RevokedAt,
    [property: Id(4)] string RevokedBy);
