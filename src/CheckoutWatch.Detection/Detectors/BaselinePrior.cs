namespace CheckoutWatch.Detection.Detectors;

/// <summary>A prior failure rate and its weight in pseudo-attempts.</summary>
public readonly record struct BaselinePrior(double Rate, double Strength);
