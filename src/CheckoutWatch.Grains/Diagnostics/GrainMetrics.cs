using System.Diagnostics.Metrics;

namespace CheckoutWatch.Grains.Diagnostics;

/// <summary>The grains' own instruments (meter <c>CheckoutWatch.Grains</c>).</summary>
public static class GrainMetrics
{
    public const string MeterName = "CheckoutWatch.Grains";

    private static readonly Meter _meter = new(MeterName);

    /// <summary>Session timer wake-ups: about two per session; a steady climb means a timer spins.</summary>
    public static readonly Counter<long> SessionTimerTicks = _meter.CreateCounter<long>("checkoutwatch.session.timer_ticks");

    /// <summary>Per-session findings reported (stuck, repeated failures, duplicate charge).</summary>
    public static readonly Counter<long> SessionFindings = _meter.CreateCounter<long>("checkoutwatch.session.findings");
}
