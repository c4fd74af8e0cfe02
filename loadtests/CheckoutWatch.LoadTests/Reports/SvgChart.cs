using System.Globalization;
using System.Net;
using System.Text;

namespace CheckoutWatch.LoadTests.Reports;

/// <summary>
/// A small line chart rendered as inline SVG: no script, no CDN, readable offline. X values can
/// be transformed (the percentile plot uses a log scale of 1 / (1 − p)) and given fixed ticks.
/// </summary>
public sealed class SvgChart(string title, string xLabel, string yLabel)
{
    private const int Width = 760;
    private const int Height = 280;
    private const int Left = 64;
    private const int Right = 16;
    private const int Top = 34;
    private const int Bottom = 42;

    private readonly List<ChartSeries> _series = [];

    public Func<double, double> XTransform { get; init; } = x => x;

    /// <summary>Fixed x ticks (in untransformed units) with their labels; default: round numbers.</summary>
    public IReadOnlyList<(double Value, string Label)>? XTicks { get; init; }

    /// <summary>The smallest transformed x range to show (e.g. up to 99.9 % on the percentile plot).</summary>
    public double MinXSpan { get; init; }

    /// <summary>Start the x axis here (e.g. 0 seconds) instead of at the first point.</summary>
    public double? XMin { get; init; }

    /// <summary>Draw the legend inside the chart (off when the page lists the series itself).</summary>
    public bool ShowLegend { get; init; } = true;

    public SvgChart Add(ChartSeries series)
    {
        _series.Add(series);
        return this;
    }

    public string Render()
    {
        var points = _series.SelectMany(s => s.Points).ToArray();
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{Enc(title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"18\" class=\"title\">{Enc(title)}</text>");
        if (points.Length == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\" class=\"axis\">no data</text></svg>");
            return svg.ToString();
        }

        var xs = points.Select(p => XTransform(p.X)).ToArray();
        double xMin = XMin is { } fixedMin ? XTransform(fixedMin) : xs.Min(), xMax = Math.Max(xs.Max(), xMin + MinXSpan);
        var yTicks = NiceScale.Ticks(0, Math.Max(points.Max(p => p.Y), 1e-3));
        double yMax = yTicks[^1];
        if (XTicks is not null)
        {
            // End the axis on the first fixed tick at or past the data.
            var dataMax = xMax;
            xMax = XTicks.Select(t => XTransform(t.Value)).Where(p => p >= dataMax - 1e-9).DefaultIfEmpty(dataMax).Min();
        }

        var xTicks = XTicks?.Select(t => (Pos: XTransform(t.Value), t.Label)).Where(t => t.Pos <= xMax + 1e-9).ToArray()
            ?? [.. NiceScale.Ticks(xMin, xMax, 8).Select(v => (Pos: v, Label: Num(v)))];
        if (XTicks is null)
        {
            (xMin, xMax) = (xTicks[0].Pos, xTicks[^1].Pos);
        }

        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        double Sx(double x) => Left + ((x - xMin) / Math.Max(1e-12, xMax - xMin) * plotW);
        double Sy(double y) => Top + plotH - (y / yMax * plotH);

        foreach (var t in yTicks)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Sy(t):0.#}\" y2=\"{Sy(t):0.#}\" class=\"grid\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Sy(t) + 4:0.#}\" text-anchor=\"end\" class=\"axis\">{Num(t)}</text>");
        }

        foreach (var (pos, label) in xTicks)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Sx(pos):0.#}\" x2=\"{Sx(pos):0.#}\" y1=\"{Top}\" y2=\"{Top + plotH}\" class=\"grid\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Sx(pos):0.#}\" y=\"{Top + plotH + 16}\" text-anchor=\"middle\" class=\"axis\">{Enc(label)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + (plotW / 2):0}\" y=\"{Height - 6}\" text-anchor=\"middle\" class=\"axis\">{Enc(xLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(14 {Top + (plotH / 2):0}) rotate(-90)\" text-anchor=\"middle\" class=\"axis\">{Enc(yLabel)}</text>");

        var legendX = Width - Right;
        for (var i = ShowLegend ? _series.Count - 1 : -1; i >= 0; i--)
        {
            var s = _series[i];
            var w = 28 + (s.Name.Length * 7);
            legendX -= w;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{legendX}\" x2=\"{legendX + 18}\" y1=\"14\" y2=\"14\" stroke=\"{s.Color}\" stroke-width=\"3\"{(s.Dashed ? " stroke-dasharray=\"5 3\"" : "")}/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{legendX + 22}\" y=\"18\" class=\"axis\">{Enc(s.Name)}</text>");
        }

        foreach (var s in _series.Where(s => s.Points.Count > 0))
        {
            var path = string.Join(' ', s.Points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{Sx(XTransform(p.X)):0.#},{Sy(p.Y):0.#}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{s.Color}\" stroke-width=\"1.8\"{(s.Dashed ? " stroke-dasharray=\"5 3\"" : "")} points=\"{path}\"/>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Num(double v) => v.ToString(Math.Abs(v) >= 100 ? "#,0" : "0.###", CultureInfo.InvariantCulture);

    private static string Enc(string text) => WebUtility.HtmlEncode(text);
}
