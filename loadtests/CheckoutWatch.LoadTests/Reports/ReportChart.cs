namespace CheckoutWatch.LoadTests.Reports;

/// <summary>A plot a scenario adds to its report: <paramref name="FileName"/> (e.g. <c>merchants-throughput.svg</c>) and its rendered SVG.</summary>
public sealed record ReportChart(string FileName, string Svg);
