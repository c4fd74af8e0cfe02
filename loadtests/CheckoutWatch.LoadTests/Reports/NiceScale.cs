namespace CheckoutWatch.LoadTests.Reports;

/// <summary>Round axis ticks (1, 2, 2.5, 5 × 10^n) covering a range.</summary>
public static class NiceScale
{
    public static double[] Ticks(double min, double max, int approximateCount = 5)
    {
        if (!(max > min))
        {
            max = min + 1;
        }

        var step = NiceNumber((max - min) / Math.Max(1, approximateCount));
        var first = Math.Floor(min / step) * step;
        var last = Math.Ceiling(max / step) * step;
        var count = (int)Math.Round((last - first) / step) + 1;
        return [.. Enumerable.Range(0, count).Select(i => Math.Round(first + (i * step), 10))];
    }

    private static double NiceNumber(double raw)
    {
        var exponent = Math.Floor(Math.Log10(raw));
        var fraction = raw / Math.Pow(10, exponent);
        var nice = fraction switch
        {
            <= 1 => 1,
            <= 2 => 2,
            <= 2.5 => 2.5,
            <= 5 => 5,
            _ => 10,
        };
        return nice * Math.Pow(10, exponent);
    }
}
