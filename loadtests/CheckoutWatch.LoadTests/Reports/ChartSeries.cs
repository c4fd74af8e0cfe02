namespace CheckoutWatch.LoadTests.Reports;

/// <summary>One line of a chart.</summary>
public sealed record ChartSeries(string Name, string Color, IReadOnlyList<(double X, double Y)> Points, bool Dashed = false);
