namespace CheckoutWatch.Detection.Alerts;

/// <summary>One change to an alert, in the order it happened.</summary>
public sealed record AlertChange(ChangeKind Kind, DetectedAlert Alert);
