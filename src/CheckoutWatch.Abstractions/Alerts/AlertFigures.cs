namespace CheckoutWatch.Abstractions.Alerts;

/// <summary>Observed versus baseline over the alert's window.</summary>
[GenerateSerializer, Immutable]
public sealed record AlertFigures(
    [property: Id(0)] double? ObservedRate,
    [property: Id(1)] double? BaselineRate,
    [property: Id(2)] double? ThresholdRate,
    [property: Id(3)] double WindowSeconds,
    [property: Id(4)] long Attempts,
    [property: Id(5)] long Failures,
    [property: Id(6)] double? ObservedStarts,
    [property: Id(7)] double? ExpectedStarts);
