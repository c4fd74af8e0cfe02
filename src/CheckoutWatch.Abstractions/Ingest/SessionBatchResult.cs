namespace CheckoutWatch.Abstractions.Ingest;

/// <summary>What a session grain did with a batch of its events.</summary>
[GenerateSerializer, Immutable]
public sealed record SessionBatchResult(
    [property: Id(0)] bool[] Duplicate,
    [property: Id(1)] int InFlightDelta);
