using System.Collections.Immutable;

namespace CheckoutWatch.Abstractions.Alerts;

/// <summary>
/// The alerts changed after a sequence, each in its latest version, ordered by sequence, and the
/// feed's current sequence. <see cref="Truncated"/> when older changes were pruned: take a snapshot.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AlertFeedPage(
    [property: Id(0)] long Sequence,
    [property: Id(1)] ImmutableArray<AlertView> Alerts,
    [property: Id(2)] bool Truncated);
