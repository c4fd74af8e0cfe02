namespace CheckoutWatch.Abstractions.Ingest;

/// <summary>
/// What a session grain did with a batch of its events: per event whether it was a duplicate, and
/// whether it was refused because the session holds its maximum of events (neither is applied).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SessionBatchResult(
    [property: Id(0)] bool[] Duplicate,
    [property: Id(1)] int InFlightDelta)
{
    /// <summary>Null when no event was refused.</summary>
    [Id(2)]
    public bool[]? Refused { get; init; }
}
