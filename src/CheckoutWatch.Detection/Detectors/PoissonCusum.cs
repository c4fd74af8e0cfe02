namespace CheckoutWatch.Detection.Detectors;

/// <summary>
/// A Poisson CUSUM on counts per interval: tests "rate is λ0" against "rate is ratio × λ0".
/// An interval with count x and expectation e = λ0·dt adds x·ln(ratio) − (ratio − 1)·e.
/// With ratio &lt; 1 it detects drops; with ratio &gt; 1 (expectation the dropped rate) recovery.
/// </summary>
public sealed class PoissonCusum
{
    public double Statistic { get; private set; }
    public DateTimeOffset RunStart { get; private set; }
    public long RunObserved { get; private set; }
    public double RunExpected { get; private set; }
    public bool InRun => Statistic > 0;

    /// <param name="count">Events counted in the interval.</param>
    /// <param name="expected">Expected events in the interval under the null rate.</param>
    /// <param name="ratio">Alternative rate as a multiple of the null rate.</param>
    /// <param name="intervalStart">When the interval began (becomes the run start).</param>
    /// <param name="nullExpected">Expected events under the baseline, reported with the run (defaults to <paramref name="expected"/>).</param>
    public void Observe(long count, double expected, double ratio, DateTimeOffset intervalStart, double? nullExpected = null)
    {
        var next = Statistic + count * Math.Log(ratio) - (ratio - 1) * expected;
        if (next <= 0)
        {
            Reset();
            return;
        }

        if (Statistic <= 0) RunStart = intervalStart;
        Statistic = next;
        RunObserved += count;
        RunExpected += nullExpected ?? expected;
    }

    public void Cap(double max)
    {
        if (Statistic > max) Statistic = max;
    }

    public void Reset()
    {
        Statistic = 0;
        RunObserved = 0;
        RunExpected = 0;
    }
}
