using System.Globalization;
using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Monitoring;

namespace CheckoutWatch.Cli;

/// <summary>The alerts of a backtest as a plain-text table.</summary>
internal static class AlertTable
{
    public static void Print(TextWriter output, IReadOnlyList<BacktestAlert> alerts)
    {
        if (alerts.Count == 0)
        {
            output.WriteLine("no alerts");
            return;
        }

        string[] header = ["#", "kind", "severity", "dimension", "started", "detected", "delay", "resolved", "reopened", "title"];
        var rows = alerts.Select((a, i) => new[]
        {
            (i + 1).ToString(CultureInfo.InvariantCulture),
            a.Alert.Kind.ToWire(),
            a.HighestSeverity.ToWire() + (a.Alert.Pages ? "" : " (board)"),
            a.Alert.Dimension.ToString(),
            a.Alert.StartedAt.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            a.OpenedAt.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            a.Delay.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s",
            a.ResolvedAt?.ToString("HH:mm:ss", CultureInfo.InvariantCulture) ?? "open",
            a.Reopened.ToString(CultureInfo.InvariantCulture),
            a.Alert.Title,
        }).ToList();

        var widths = header.Select((h, c) => Math.Max(h.Length, rows.Max(r => r[c].Length))).ToArray();
        output.WriteLine(Line(header, widths));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows) output.WriteLine(Line(row, widths));
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
