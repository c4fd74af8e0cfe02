namespace CheckoutWatch.Abstractions.Alerts;

/// <summary>Another slice that rose with the alert and is explained by it.</summary>
[GenerateSerializer, Immutable]
public sealed record EvidenceView(
    [property: Id(0)] AlertDimensionView Dimension,
    [property: Id(1)] double ObservedRate,
    [property: Id(2)] double BaselineRate,
    [property: Id(3)] long Attempts,
    [property: Id(4)] long Failures);
