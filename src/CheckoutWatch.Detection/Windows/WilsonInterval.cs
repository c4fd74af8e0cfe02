namespace CheckoutWatch.Detection.Windows;

/// <summary>
/// The Wilson score interval for a binomial proportion. It behaves at tiny counts, where the
/// normal approximation does not: 2 failures out of 3 attempts give a lower bound near zero.
/// </summary>
public static class WilsonInterval
{
    public static double Lower(double failures, double attempts, double z)
    {
        if (attempts <= 0) return 0;
        var (centre, margin, denominator) = Parts(failures, attempts, z);
        return Math.Max(0, (centre - margin) / denominator);
    }

    public static double Upper(double failures, double attempts, double z)
    {
        if (attempts <= 0) return 1;
        var (centre, margin, denominator) = Parts(failures, attempts, z);
        return Math.Min(1, (centre + margin) / denominator);
    }

    private static (double Centre, double Margin, double Denominator) Parts(double failures, double attempts, double z)
    {
        var p = Math.Clamp(failures / attempts, 0, 1);
        var z2 = z * z;
        var centre = p + z2 / (2 * attempts);
        var margin = z * Math.Sqrt(p * (1 - p) / attempts + z2 / (4 * attempts * attempts));
        return (centre, margin, 1 + z2 / attempts);
    }
}
