using System.Globalization;

namespace CheckoutWatch.Detection.Tests.Simulation;

internal static class Report
{
    public static string Delays(IReadOnlyCollection<double> delays) => string.Create(CultureInfo.InvariantCulture,
        $"delays (s): {string.Join(", ", delays.Select(d => d.ToString("F1", CultureInfo.InvariantCulture)))}; mean {delays.Average():F1}, max {delays.Max():F1}");

    /// <summary>p50 / p90 / p99 / max of a sweep's delays, for sweeps too long to list.</summary>
    public static string Percentiles(IReadOnlyCollection<double> delays)
    {
        if (delays.Count == 0) return "no delays";
        var sorted = delays.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"n {sorted.Length}, p50 {At(0.5):F1} s, p90 {At(0.9):F1} s, p99 {At(0.99):F1} s, max {sorted[^1]:F1} s");
    }
}
