using CheckoutWatch.Detection.Monitoring;
using CheckoutWatch.Detection.Windows;

namespace CheckoutWatch.Detection.Detectors;

/// <summary>
/// One failure rate of one stream (e.g. the actionable rate of psp=adyen): its learned baseline,
/// the two forward CUSUMs while idle, and the recovery CUSUM while it fires. The baseline is
/// frozen while firing, so the incident never becomes the new normal.
/// </summary>
internal sealed class FailureSeries(FailureMeasure measure, bool pages)
{
    private DateTimeOffset? _pendingSince;
    private int _pendingAttempts;
    private int _pendingFailures;
    private int _heldAttempts;
    private int _heldFailures;
    private bool _suspect;
    private bool _configured;

    public FailureMeasure Measure { get; } = measure;

    /// <summary>Whether a spike of this rate pages (actionable failures, technical decline classes).</summary>
    public bool Pages { get; } = pages;

    public DecayingCounts Learned { get; } = new();
    public BernoulliCusum Moderate { get; } = new();
    public BernoulliCusum Large { get; } = new();
    public BernoulliCusum Recovery { get; } = new();

    /// <summary>The baseline: learned rate shrunk toward the prior.</summary>
    public double Mean { get; private set; }

    /// <summary>The rate the tests take as normal: the baseline's upper confidence bound.</summary>
    public double NullRate { get; private set; }

    /// <summary>The alert this series is part of (its own stream's, or another stream's that explains it).</summary>
    public string? AlertKey { get; private set; }
    public DateTimeOffset FiringSince { get; private set; }
    public DateTimeOffset? RecoveredSince { get; private set; }

    /// <summary>The rate above which the incident still counts as going on.</summary>
    public double IncidentLevel => Recovery.PNull;

    public void Observe(bool failed, DateTimeOffset at)
    {
        _pendingAttempts++;
        if (failed) _pendingFailures++;
        if (AlertKey is null)
        {
            Moderate.Observe(failed, at);
            Large.Observe(failed, at);
        }
        else
        {
            Recovery.Observe(failed, at);
        }
    }

    /// <summary>
    /// Ages the baseline and folds in what arrived since the last call — unless the stream is part
    /// of an incident (discarded), or the large test is halfway to its threshold (held back, and
    /// folded in once the suspicion passes). Without the hold a new merchant's outage would become
    /// its baseline before it is detected.
    /// </summary>
    public void Learn(TimeSpan elapsed, TimeSpan halfLife, bool frozen)
    {
        Learned.Decay(elapsed, halfLife, countTime: false);
        if (frozen)
        {
            _heldAttempts = 0;
            _heldFailures = 0;
        }
        else if (_suspect)
        {
            _heldAttempts += _pendingAttempts;
            _heldFailures += _pendingFailures;
        }
        else
        {
            Learned.Add(_pendingAttempts + _heldAttempts, _pendingFailures + _heldFailures);
            _heldAttempts = 0;
            _heldFailures = 0;
        }

        _pendingAttempts = 0;
        _pendingFailures = 0;
    }

    public void UpdateModel(BaselinePrior prior, FailureSpikeOptions options)
    {
        if (AlertKey is not null && _configured) return;
        var attempts = Learned.Attempts + prior.Strength;
        var failures = Learned.Failures + prior.Rate * prior.Strength;
        Mean = failures / attempts;
        var nullRate = Math.Clamp(WilsonInterval.Upper(failures, attempts, options.BaselineUncertaintyZ), 0.0005, 0.9);
        // Logs are not free at 10,000 merchants: re-tune only when the rate moved.
        if (_configured && Math.Abs(nullRate - NullRate) <= NullRate * 0.002) return;
        NullRate = nullRate;
        _configured = true;
        Moderate.Configure(nullRate, AltRate(nullRate, options.ModerateRatio, options.ModerateMinIncrease, options));
        Large.Configure(nullRate, AltRate(nullRate, options.LargeRatio, options.LargeMinIncrease, options));
    }

    /// <summary>The test whose statistic crossed its threshold with all guards passed, if any.</summary>
    public BernoulliCusum? Crossed(double moderateThreshold, double largeThreshold, FailureSpikeOptions options)
    {
        _suspect = AlertKey is null && Large.Statistic >= largeThreshold / 2;
        if (AlertKey is not null) return null;
        BernoulliCusum? crossed = null;
        if (Large.Statistic >= largeThreshold && Guards(Large, options)) crossed = Large;
        else if (Moderate.Statistic >= moderateThreshold && Guards(Moderate, options)) crossed = Moderate;
        if (crossed is null) _pendingSince = null;
        Moderate.Cap(2 * moderateThreshold);
        Large.Cap(2 * largeThreshold);
        return crossed;
    }

    /// <summary>
    /// Where the current shift most likely began. Noise can keep the moderate test's statistic
    /// above zero for a while before an incident; the large test drops back to zero much faster at
    /// baseline, so when it is halfway to its own threshold its run start is the sharper estimate.
    /// </summary>
    public DateTimeOffset ChangePoint(BernoulliCusum crossed) =>
        ReferenceEquals(crossed, Moderate) && _suspect && Large.RunAttempts > 0 && Large.RunStart > crossed.RunStart
            ? Large.RunStart
            : crossed.RunStart;

    /// <summary>When the tests first crossed without the alert being placed yet (attribution waiting for data).</summary>
    public DateTimeOffset PendingSince(DateTimeOffset now) => _pendingSince ??= now;

    /// <summary>Joins an alert: freezes the baseline and starts the recovery test from the incident level.</summary>
    public void Fire(string alertKey, DateTimeOffset now, double incidentRate, FailureSpikeOptions options)
    {
        AlertKey = alertKey;
        _pendingSince = null;
        FiringSince = now;
        RecoveredSince = null;
        var level = Math.Min(options.MaxTestedRate, Math.Max(Moderate.PAlt, (NullRate + incidentRate) / 2));
        Recovery.Reset();
        Recovery.Configure(level, NullRate);
        Moderate.Reset();
        Large.Reset();
    }

    /// <summary>Recovered once the recovery test passed and the recent window is back below the incident level.</summary>
    public void TrackRecovery(DateTimeOffset now, bool windowBelowIncident, FailureSpikeOptions options)
    {
        if (Recovery.Statistic >= options.RecoveryThreshold && windowBelowIncident) RecoveredSince ??= now;
        else if (Recovery.Statistic <= 0 || !windowBelowIncident) RecoveredSince = null;
        Recovery.Cap(2 * options.RecoveryThreshold);
    }

    public bool IsRecovered(DateTimeOffset now, DetectionOptions options) =>
        RecoveredSince is { } since && now - since >= options.ResolveHold && now - FiringSince >= options.MinFiringTime;

    /// <summary>Leaves the alert: learning resumes and the forward tests start from zero.</summary>
    public void Calm()
    {
        AlertKey = null;
        _pendingSince = null;
        RecoveredSince = null;
        Moderate.Reset();
        Large.Reset();
        Recovery.Reset();
    }

    private static bool Guards(BernoulliCusum test, FailureSpikeOptions options) =>
        test.RunAttempts >= options.MinAttempts
        && test.RunFailures >= options.MinFailures
        && WilsonInterval.Lower(test.RunFailures, test.RunAttempts, options.GuardZ) > test.PNull;

    private static double AltRate(double p0, double ratio, double increase, FailureSpikeOptions options) =>
        Math.Min(options.MaxTestedRate, Math.Max(p0 * ratio, p0 + increase));
}
