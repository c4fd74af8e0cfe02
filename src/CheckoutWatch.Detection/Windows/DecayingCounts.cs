namespace CheckoutWatch.Detection.Windows;

/// <summary>
/// Exponentially decayed attempts and failures: an EWMA over time of a failure rate that also
/// knows how much evidence it holds (the decayed attempt count is its effective sample size).
/// </summary>
public sealed class DecayingCounts
{
    public double Attempts { get; private set; }
    public double Failures { get; private set; }

    /// <summary>Decayed seconds of observation, so that Attempts / Seconds is a recent attempt rate.</summary>
    public double Seconds { get; private set; }

    public void Add(double attempts, double failures)
    {
        Attempts += attempts;
        Failures += failures;
    }

    /// <summary>Ages the counts by <paramref name="elapsed"/> with the given half-life.</summary>
    public void Decay(TimeSpan elapsed, TimeSpan halfLife, bool countTime = true)
    {
        if (elapsed <= TimeSpan.Zero) return;
        var factor = Math.Pow(0.5, elapsed.TotalSeconds / halfLife.TotalSeconds);
        Attempts *= factor;
        Failures *= factor;
        Seconds *= factor;
        // The integral of the decay over the interval: the time that counts as observed.
        if (countTime) Seconds += (1 - factor) * halfLife.TotalSeconds / Math.Log(2);
    }
}
