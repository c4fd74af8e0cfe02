namespace CheckoutWatch.LoadTests.Load;

/// <summary>Nearest-rank percentiles of a small sample (incidents, deliveries), where a histogram would be overkill.</summary>
public static class Percentiles
{
    public static double Of(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>p50, p90, p99 and max of <paramref name="values"/>, formatted in ms.</summary>
    public static string[] Row(IReadOnlyList<double> values) =>
        values.Count == 0 ? ["n/a", "n/a", "n/a", "n/a"]
            : [Format.Ms(Of(values, 50)), Format.Ms(Of(values, 90)), Format.Ms(Of(values, 99)), Format.Ms(values.Max())];
}
