using HdrHistogram;

namespace CheckoutWatch.LoadTests.Load;

/// <summary>The usual percentiles of a histogram recorded in microseconds, in milliseconds.</summary>
public sealed record LatencySummary(long Count, double Mean, double P50, double P90, double P99, double P999, double Max)
{
    public static readonly LatencySummary Empty = new(0, 0, 0, 0, 0, 0, 0);

    public static LatencySummary From(HistogramBase histogram)
    {
        if (histogram.TotalCount == 0)
        {
            return Empty;
        }

        return new LatencySummary(
            histogram.TotalCount,
            Round(histogram.GetMean()),
            At(histogram, 50),
            At(histogram, 90),
            At(histogram, 99),
            At(histogram, 99.9),
            Round(histogram.GetMaxValue()));
    }

    private static double At(HistogramBase histogram, double percentile) => Round(histogram.GetValueAtPercentile(percentile));

    private static double Round(double micros) => Math.Round(micros / 1000.0, 3);
}
