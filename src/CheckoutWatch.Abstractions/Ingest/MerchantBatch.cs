using System.Collections.Immutable;
using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Abstractions.Ingest;

/// <summary>Accepted, de-duplicated events of one merchant, pre-aggregated on one node.</summary>
[GenerateSerializer, Immutable]
public sealed record MerchantBatch(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] ImmutableArray<CheckoutEvent> Events,
    [property: Id(2)] int InFlightDelta);
