namespace CheckoutWatch.Detection.Alerts;

/// <summary>Another slice that rose with the alert (e.g. the card network behind a PSP incident).</summary>
public sealed record DimensionEvidence(
    AlertDimension Dimension,
    double ObservedRate,
    double BaselineRate,
    long Attempts,
    long Failures,
    double ExcessFailures);
