namespace CheckoutWatch.Detection.Monitoring;

/// <summary>
/// Traffic-drop detection on checkout_started: a Poisson CUSUM for an 80 % drop (paging), one for
/// a 60 % drop (board only), and the silence bound ln(1/α)/λ0, against a learned expectation.
/// </summary>
public sealed record TrafficDropOptions
{
    /// <summary>Half-life of the EWMA of starts per second; short enough to follow daily ramps.</summary>
    public TimeSpan ExpectationHalfLife { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>No drop alert before the expectation has this much history and this many starts.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(60);
    public int MinWarmupStarts { get; init; } = 30;

    /// <summary>Below this expectation (starts/s) silence proves nothing in reasonable time: no detection.</summary>
    public double MinExpectedPerSecond { get; init; } = 0.05;

    /// <summary>
    /// Starts are counted per second of event time; a second is tested once this much later, so
    /// that events arriving in batches or slightly late still count in their own second.
    /// </summary>
    public TimeSpan SettleDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The paging test looks for a drop of this fraction (rate × 0.2).</summary>
    public double DropFraction { get; init; } = 0.8;
    public double DropThreshold { get; init; } = 14;

    /// <summary>
    /// A drop must last this long, and its run must have seen at most 1 − fraction/2 of the expected
    /// starts: real traffic is burstier than Poisson, and a few slow seconds at high volume are not an incident.
    /// </summary>
    public TimeSpan MinDropDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The deadline test: over the last <see cref="WindowSeconds"/> settled seconds at most
    /// <see cref="WindowMaxShare"/> of the expected starts arrived, and the exact Poisson lower tail
    /// P(X ≤ k | λ) is at most e^−<see cref="WindowNats"/>. At 1 start/s it finds an exact 80 % drop
    /// by the 45 s deadline (42 settled seconds: ~8.4 starts against ~42) where the CUSUM, tuned for
    /// the average case, leaves a slow tail. It needs <see cref="WindowMinExpected"/> expected
    /// starts in the window (≥ 0.9/s: the SPEC's 1/s with room for the noise of the learned
    /// expectation); below that the silence bound and the CUSUM decide alone.
    /// 0 seconds turns it off.
    /// </summary>
    public int WindowSeconds { get; init; } = 42;
    public double WindowMaxShare { get; init; } = 0.4;
    public double WindowNats { get; init; } = 11;
    public double WindowMinExpected { get; init; } = 38;

    /// <summary>The board-only test looks for a partial drop of this fraction, lasting at least the duration below.</summary>
    public double PartialDropFraction { get; init; } = 0.6;
    public double PartialDropThreshold { get; init; } = 15;
    public TimeSpan MinPartialDropDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Complete silence for ln(1/α)/λ0 seconds (and the minimum drop duration) alarms; this is ln(1/α).</summary>
    public double SilenceNats { get; init; } = 14;

    /// <summary>The recovery CUSUM (dropped rate back to expectation) must reach this.</summary>
    public double RecoveryThreshold { get; init; } = 5;

    /// <summary>Critical when the observed rate is at most this share of the expectation.</summary>
    public double CriticalRemainingShare { get; init; } = 0.05;
}
