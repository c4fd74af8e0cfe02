using System.Globalization;
using System.Net;
using System.Text;
using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Monitoring;

namespace CheckoutWatch.Cli;

/// <summary>
/// One alert's stream as an SVG line chart: observed failure rate (or starts per second) against
/// the baseline and the level the test is tuned to detect, with the alert's span shaded.
/// </summary>
internal static class SvgChart
{
    private const double Width = 900, Height = 320, Left = 60, Right = 20, Top = 40, Bottom = 40;

    public static string Render(BacktestAlert alert, IReadOnlyList<StreamPoint> curve, DateTimeOffset end)
    {
        var a = alert.Alert;
        var from = Max(curve[0].At, a.StartedAt.AddMinutes(-10));
        var to = Min(curve[^1].At, (alert.ResolvedAt ?? end).AddMinutes(5));
        var points = curve.Where(p => p.At >= from && p.At <= to).ToList();
        if (points.Count < 2) points = curve.ToList();
        from = points[0].At;
        to = points[^1].At;

        var traffic = a.Kind == AlertKind.TrafficDrop;
        (double? Observed, double Baseline, double Threshold) Values(StreamPoint p) => traffic
            ? (p.ObservedStartsPerSecond, p.ExpectedStartsPerSecond, p.ExpectedStartsPerSecond * 0.2)
            : a.Actionable
                ? (p.Attempts == 0 ? null : (double)p.ActionableFailures / p.Attempts, p.ActionableBaseline, p.ActionableThreshold)
                : (p.Attempts == 0 ? null : (double)p.Failures / p.Attempts, p.Baseline, p.Threshold);

        var values = points.Select(p => (p.At, V: Values(p))).ToList();
        var yMax = Math.Max(1e-6, values.Max(v => Math.Max(v.V.Observed ?? 0, Math.Max(v.V.Baseline, v.V.Threshold))) * 1.15);
        var span = Math.Max(1, (to - from).TotalSeconds);
        double X(DateTimeOffset t) => Left + (t - from).TotalSeconds / span * (Width - Left - Right);
        double Y(double v) => Height - Bottom - v / yMax * (Height - Top - Bottom);

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        var shadeFrom = Max(a.StartedAt, from);
        var shadeTo = Min(alert.ResolvedAt ?? to, to);
        svg.Append(Invariant($"<rect x=\"{X(shadeFrom):F1}\" y=\"{Top}\" width=\"{Math.Max(1, X(shadeTo) - X(shadeFrom)):F1}\" height=\"{Height - Top - Bottom}\" fill=\"#f4a3a3\" fill-opacity=\"0.35\"/>\n"));
        svg.Append(Invariant($"<line x1=\"{X(a.DetectedAt):F1}\" y1=\"{Top}\" x2=\"{X(a.DetectedAt):F1}\" y2=\"{Height - Bottom}\" stroke=\"#c0392b\" stroke-width=\"1\"/>\n"));
        Axes(svg, from, to, yMax, traffic, X, Y);
        Polyline(svg, values.Select(v => (v.At, (double?)v.V.Baseline)), "#7f8c8d", "", X, Y);
        Polyline(svg, values.Select(v => (v.At, (double?)v.V.Threshold)), "#c0392b", " stroke-dasharray=\"6 4\"", X, Y);
        Polyline(svg, values.Select(v => (v.At, v.V.Observed)), "#2165b0", "", X, Y);

        var title = WebUtility.HtmlEncode($"{a.Title} — {a.Severity.ToWire()}, detected {alert.Delay.TotalSeconds:F1} s after start");
        svg.Append(Invariant($"<text x=\"{Left}\" y=\"20\" font-size=\"14\" font-weight=\"bold\">{title}</text>\n"));
        var legend = traffic ? "observed starts/s · expected · 80 % drop level" : "failure rate · baseline · level the test looks for";
        svg.Append(Invariant($"<text x=\"{Left}\" y=\"{Height - 8}\" fill=\"#555\">{WebUtility.HtmlEncode(legend)} · shaded: alert open</text>\n"));
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Axes(StringBuilder svg, DateTimeOffset from, DateTimeOffset to, double yMax, bool traffic,
        Func<DateTimeOffset, double> x, Func<double, double> y)
    {
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>\n"));
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>\n"));
        for (var i = 0; i <= 4; i++)
        {
            var v = yMax * i / 4;
            var label = traffic ? v.ToString("F1", CultureInfo.InvariantCulture) : v.ToString("P0", CultureInfo.InvariantCulture);
            svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{y(v) + 4:F1}\" text-anchor=\"end\">{label}</text>\n"));
        }

        for (var i = 0; i <= 5; i++)
        {
            var t = from + (to - from) * i / 5;
            svg.Append(Invariant($"<text x=\"{x(t):F1}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{t:HH:mm:ss}</text>\n"));
        }
    }

    private static void Polyline(StringBuilder svg, IEnumerable<(DateTimeOffset At, double? Value)> values, string color, string extra,
        Func<DateTimeOffset, double> x, Func<double, double> y)
    {
        var coordinates = string.Join(" ", values.Where(v => v.Value is not null).Select(v => Invariant($"{x(v.At):F1},{y(v.Value!.Value):F1}")));
        svg.Append(Invariant($"<polyline points=\"{coordinates}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"1.5\"{extra}/>\n"));
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
