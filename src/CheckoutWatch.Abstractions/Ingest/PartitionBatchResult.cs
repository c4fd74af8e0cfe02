namespace CheckoutWatch.Abstractions.Ingest;

/// <summary>
/// What a session partition did with a batch, per event: whether it was a duplicate, whether it
/// was refused because its session holds its maximum of events (neither is applied), and how it
/// changed the number of in-flight sessions (+1 opened, -1 closed, 0).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PartitionBatchResult(
    [property: Id(0)] bool[] Duplicate,
    [property: Id(1)] sbyte[] InFlightDelta)
{
    /// <summary>Null when no event was refused.</summary>
    [Id(2)]
    public bool[]? Refused { get; init; }
}
