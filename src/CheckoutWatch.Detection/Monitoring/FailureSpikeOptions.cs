namespace CheckoutWatch.Detection.Monitoring;

/// <summary>
/// Payment-failure spike detection: two Bernoulli CUSUMs per stream and rate (a moderate one
/// tuned to a doubling, a large one to a five-fold rise), against a baseline learned per stream.
/// </summary>
public sealed record FailureSpikeOptions
{
    /// <summary>The moderate test looks for p1 = max(ratio × p0, p0 + increase).</summary>
    public double ModerateRatio { get; init; } = 2.0;
    public double ModerateMinIncrease { get; init; } = 0.01;

    /// <summary>The large test looks for p1 = max(ratio × p0, p0 + increase): outages and big spikes, fast.</summary>
    public double LargeRatio { get; init; } = 5.0;
    public double LargeMinIncrease { get; init; } = 0.20;

    /// <summary>Upper bound on any tested failure rate.</summary>
    public double MaxTestedRate { get; init; } = 0.95;

    /// <summary>
    /// CUSUM threshold h at up to <see cref="ThresholdReferenceRate"/> attempts/s. Above it h grows
    /// by ln(rate / reference): the false-alarm rate per hour then stays flat as volume grows.
    /// 14 lets 10 consecutive failures (10 × ln 5 ≈ 16) alert at a low-volume merchant.
    /// </summary>
    public double LargeThreshold { get; init; } = 14;
    public double ModerateThreshold { get; init; } = 15;
    public double ThresholdReferenceRate { get; init; } = 0.1;
    public double MaxThreshold { get; init; } = 26;

    /// <summary>Guards before an alert: attempts and failures in the test's run.</summary>
    public int MinAttempts { get; init; } = 10;
    public int MinFailures { get; init; } = 5;

    /// <summary>The Wilson lower bound (this z) of the run's failure rate must exceed the baseline.</summary>
    public double GuardZ { get; init; } = 3.0;

    /// <summary>Half-life of the slow EWMA baseline (time-decayed attempts and failures).</summary>
    public TimeSpan BaselineHalfLife { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Pseudo-attempts of the parent/platform prior a stream's baseline is shrunk toward.</summary>
    public double PriorStrength { get; init; } = 100;

    /// <summary>The test's null rate is the baseline's Wilson upper bound at this z: thin evidence earns the benefit of the doubt.</summary>
    public double BaselineUncertaintyZ { get; init; } = 1.5;

    /// <summary>Platform-wide priors for merchant streams: all failures, and actionable failures.</summary>
    public double PlatformFailureRate { get; init; } = 0.05;
    public double PlatformActionableRate { get; init; } = 0.01;

    /// <summary>Platform-wide prior share of attempts failing with a decline of one class.</summary>
    public double PlatformClassRate { get; init; } = 0.01;

    /// <summary>The recovery test (CUSUM from the incident level back to baseline) must reach this.</summary>
    public double RecoveryThreshold { get; init; } = 5;

    /// <summary>The failure rate of this recent window must also be back below the incident level.</summary>
    public TimeSpan RecoveryWindow { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// An open spike whose stream sees no payment attempt at all for this long resolves as
    /// "no traffic": no rate can return to baseline without attempts, and an alert must not stay
    /// open forever. Its title says so. If failing traffic comes back within the cooldown the same
    /// alert re-opens; a merchant that stopped sending checkouts altogether gets a traffic_drop alert.
    /// </summary>
    public TimeSpan NoTrafficResolveAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A new crossing joins an open alert when at least this share of its recent failures belong to that alert's slice.</summary>
    public double CoverShare { get; init; } = 0.5;

    /// <summary>A slice counts as elevated when its Wilson lower bound (this z) exceeds its baseline.</summary>
    public double AttributionZ { get; init; } = 2.0;

    /// <summary>
    /// A slice explains an incident only if the rest of the merchant is clearly normal: its Wilson
    /// upper bound at this z stays below halfway between baseline and the slice's rate.
    /// </summary>
    public double AttributionRestZ { get; init; } = 2.0;

    /// <summary>The rest must hold this many attempts before it can count as normal.</summary>
    public int MinRestAttempts { get; init; } = 20;

    /// <summary>A slice whose rest is below this share of the merchant's attempts is "the merchant" (card beside a little paypal).</summary>
    public double MinRestShare { get; init; } = 0.2;

    /// <summary>How long a crossing may wait for enough data to tell a slice incident from a merchant-wide one.</summary>
    public TimeSpan AttributionPatience { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Distinct values per dimension tracked per merchant; more fall into "other".</summary>
    public int MaxValuesPerDimension { get; init; } = 32;

    /// <summary>Short-term memory per stream: buckets of this length (windows, attribution, charts).</summary>
    public TimeSpan BucketLength { get; init; } = TimeSpan.FromSeconds(5);
    public int BucketCount { get; init; } = 24;

    /// <summary>Whether declines with codes missing from the knowledge base count as actionable.</summary>
    public bool UnknownDeclinesActionable { get; init; }

    /// <summary>Critical when the excess failure rate reaches this, or revenue at risk reaches the amount below.</summary>
    public double CriticalExcessRate { get; init; } = 0.25;
    public long CriticalRevenueAtRiskMinor { get; init; } = 1_000_000;

    /// <summary>Recent failures remembered per merchant, to fill in an alert's sessions and codes from before it opened.</summary>
    public int RecentFailureCapacity { get; init; } = 256;
}
