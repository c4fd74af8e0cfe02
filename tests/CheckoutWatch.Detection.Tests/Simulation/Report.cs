using System.Globalization;

namespace CheckoutWatch.Detection.Tests.Simulation;

internal static class Report
{
    public static string Delays(IReadOnlyCollection<double> delays) => string.Create(CultureInfo.InvariantCulture,
        $"delays (s): {string.Join(", ", delays.Select(d => d.ToString("F1", CultureInfo.InvariantCulture)))}; mean {delays.Average():F1}, max {delays.Max():F1}");
}
