namespace CheckoutWatch.Detection.Monitoring;

/// <summary>
/// Traffic-drop detection on checkout_started: a Poisson CUSUM for an 80 % drop (paging), one for
/// a 60 % drop (board only), the silence bound ln(1/α)/λ0 and a deadline window, against a learned
/// expectation; thresholds from a false-alarm budget per merchant-hour.
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
    /// <see cref="WindowMaxShare"/> of the expected starts arrived, and that count is rare enough
    /// for the false-alarm budget (exact Poisson, see <see cref="FalseAlarmsPerMerchantHour"/>) —
    /// or, where the learned expectation is at least <see cref="DeadlineFromPerSecond"/>, at most
    /// what an exact 80 % drop leaves with probability <see cref="DeadlinePower"/>. At 1 start/s it
    /// finds an exact 80 % drop by the 45 s deadline (42 settled seconds: ~8.4 starts against ~42)
    /// where the CUSUM, tuned for the average case, leaves a slow tail. 0 seconds turns it off.
    /// </summary>
    public int WindowSeconds { get; init; } = 42;
    public double WindowMaxShare { get; init; } = 0.4;

    /// <summary>
    /// The false-alarm budget per detector path (silence, 80 % CUSUM, 60 % CUSUM, window): expected
    /// false alerts per merchant-hour of stationary Poisson traffic, counted over every evaluation of
    /// the hour (3,600 CUSUM steps; λ0 · 3,600 gaps; the window's entries into its alarm region).
    /// Each test's threshold follows from it exactly; where the SPEC delay target binds
    /// (expectation ≥ <see cref="DeadlineFromPerSecond"/>) the faster thresholds below win instead.
    /// </summary>
    public double FalseAlarmsPerMerchantHour { get; init; } = 1e-4;

    /// <summary>
    /// From this learned expectation (starts/s) the SPEC delay target (≥ 80 % drop from ≥ 1/s
    /// found within 45 s) binds: the CUSUM and silence keep <see cref="DropThreshold"/> and
    /// <see cref="SilenceNats"/>, and the window may fire at the count an exact 80 % drop stays
    /// under with probability <see cref="DeadlinePower"/>, even beyond the budget. Below it only
    /// the budget counts. The learned expectation is itself noisy (±3–5 % at 1/s), so the SPEC
    /// path is taken while it is within <see cref="DeadlineConfidenceZ"/> standard errors of this rate.
    /// </summary>
    public double DeadlineFromPerSecond { get; init; } = 1.0;
    public double DeadlinePower { get; init; } = 0.99;
    public double DeadlineConfidenceZ { get; init; } = 2.33;

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
