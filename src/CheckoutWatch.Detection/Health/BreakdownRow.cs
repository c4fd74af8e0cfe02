namespace CheckoutWatch.Detection.Health;

/// <summary>One value of one dimension with its counts over a window.</summary>
public sealed record BreakdownRow(BreakdownDimension Dimension, string Value, OutcomeCounts Counts);
