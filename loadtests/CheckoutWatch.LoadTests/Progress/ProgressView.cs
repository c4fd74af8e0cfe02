using CheckoutWatch.LoadTests.Load;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CheckoutWatch.LoadTests.Progress;

/// <summary>Renders a progress snapshot as one Spectre table row (live) or one plain line (logs, CI).</summary>
public static class ProgressView
{
    public static IRenderable Table(ProgressSnapshot? s, string waiting)
    {
        var table = new Table().Border(TableBorder.Rounded).Expand();
        foreach (var column in new[] { "run", "time", "target ev/s", "ev/s", "ok", "err", "dropped", "in flight", "p99 1 s", "p99 run" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        if (s is null)
        {
            table.AddRow(Markup.Escape(waiting), "", "", "", "", "", "", "", "", "");
            return table;
        }

        table.AddRow(
            Markup.Escape(s.Run),
            $"{s.Elapsed.TotalSeconds:0}/{s.Planned.TotalSeconds:0} s",
            s.TargetEventsPerSecond is { } t ? Format.Rate(t) : "closed",
            Format.Rate(s.EventsPerSecond),
            $"[green]{Format.Count(s.Ok)}[/]",
            s.Failed > 0 ? $"[red]{Format.Count(s.Failed)}[/]" : "0",
            s.Dropped > 0 ? $"[yellow]{Format.Count(s.Dropped)}[/]" : "0",
            Format.Count(s.InFlight),
            Format.Ms(s.P99LastSecond) + " ms",
            Format.Ms(s.P99SoFar) + " ms");
        return table;
    }

    public static string Line(ProgressSnapshot s) =>
        $"[{s.Run}] {s.Elapsed.TotalSeconds,5:0.0}/{s.Planned.TotalSeconds:0} s"
        + $"  target {(s.TargetEventsPerSecond is { } t ? Format.Rate(t) : "closed")} ev/s  got {Format.Rate(s.EventsPerSecond)} ev/s"
        + $"  ok {Format.Count(s.Ok)}  err {Format.Count(s.Failed)}  dropped {Format.Count(s.Dropped)}  in flight {s.InFlight}"
        + $"  p99 1s {Format.Ms(s.P99LastSecond)} ms  p99 run {Format.Ms(s.P99SoFar)} ms";
}
