namespace CheckoutWatch.Detection.Windows;

/// <summary>
/// Observed and expected counts over the last <c>capacity</c> seconds, one slot per second; an
/// interval longer than a second spreads evenly over its seconds.
/// </summary>
public sealed class SlidingCounts(int capacity)
{
    private readonly double[] _observed = new double[Math.Max(1, capacity)];
    private readonly double[] _expected = new double[Math.Max(1, capacity)];
    private int _next;

    /// <summary>Seconds held, up to the capacity.</summary>
    public int Seconds { get; private set; }
    public double Observed { get; private set; }
    public double Expected { get; private set; }
    public bool Full => Seconds == _observed.Length;

    /// <summary>The expected count of the oldest second held (0 when empty).</summary>
    public double OldestExpected => Seconds == 0 ? 0 : _expected[Full ? _next : 0];

    public void Add(double observed, double expected, int seconds = 1)
    {
        seconds = Math.Max(1, seconds);
        var steps = Math.Min(seconds, _observed.Length);
        for (var i = 0; i < steps; i++)
        {
            Observed += observed / seconds - _observed[_next];
            Expected += expected / seconds - _expected[_next];
            _observed[_next] = observed / seconds;
            _expected[_next] = expected / seconds;
            _next = (_next + 1) % _observed.Length;
        }

        Seconds = Math.Min(_observed.Length, Seconds + steps);
        if (Seconds == _observed.Length && _next == 0)
        {
            // Re-add from the slots now and then so floating-point drift never accumulates.
            Observed = _observed.Sum();
            Expected = _expected.Sum();
        }
    }

    public void Clear()
    {
        Array.Clear(_observed);
        Array.Clear(_expected);
        _next = 0;
        Seconds = 0;
        Observed = 0;
        Expected = 0;
    }
}
