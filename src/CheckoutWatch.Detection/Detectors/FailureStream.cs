using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Knowledge;
using CheckoutWatch.Detection.Monitoring;
using CheckoutWatch.Detection.Windows;

namespace CheckoutWatch.Detection.Detectors;

/// <summary>
/// One slice of a merchant's payment attempts (the merchant, a PSP, a method, a network, or a
/// decline class) with its failure rates and a short bucketed memory for windows and attribution.
/// Slices carry two rates (all failures, actionable failures); a decline class carries one (its
/// failures among all attempts).
/// </summary>
internal sealed class FailureStream
{
    public const int AttemptsChannel = 0;
    public const int FailuresChannel = 1;
    public const int ActionableChannel = 2;

    private int _pendingAttempts;

    public FailureStream(AlertDimension dimension, DeclineClass? declineClass, bool classPages, FailureSpikeOptions options)
    {
        Dimension = dimension;
        Class = declineClass;
        Series = declineClass is null
            ? [new FailureSeries(FailureMeasure.AllFailures, false), new FailureSeries(FailureMeasure.ActionableFailures, true)]
            : [new FailureSeries(FailureMeasure.ClassFailures, classPages)];
        Ring = new BucketRing(options.BucketCount, 3, options.BucketLength);
    }

    public AlertDimension Dimension { get; }
    public DeclineClass? Class { get; }
    public FailureSeries[] Series { get; }
    public BucketRing Ring { get; }

    /// <summary>Decayed attempts and observed seconds: the stream's recent attempt rate.</summary>
    public DecayingCounts Volume { get; } = new();

    /// <summary>The key of the alert that is about this stream, while it is open.</summary>
    public string? AlertKey { get; set; }

    public bool IsSlice => Class is null && Dimension.Kind != DimensionKind.Merchant;

    /// <summary>Order in which simultaneous triggers are handled (merchant first, decline classes last).</summary>
    public int Priority => Dimension.Kind switch
    {
        DimensionKind.Merchant => 0,
        DimensionKind.Psp => 1,
        DimensionKind.PaymentMethod => 2,
        DimensionKind.CardNetwork => 3,
        _ => 4,
    };

    public double AttemptRate => Volume.Attempts / Math.Max(Volume.Seconds, 60);

    /// <summary>Event time of the latest attempt in this stream (null before the first).</summary>
    public DateTimeOffset? LastAttemptAt { get; private set; }

    public void Observe(bool failed, bool actionable, DateTimeOffset at)
    {
        _pendingAttempts++;
        if (LastAttemptAt is not { } last || at > last) LastAttemptAt = at;
        Ring.Add(AttemptsChannel);
        if (failed) Ring.Add(FailuresChannel);
        if (actionable) Ring.Add(ActionableChannel);
        Series[0].Observe(failed, at);
        if (Series.Length > 1) Series[1].Observe(actionable, at);
    }

    public void ObserveClass(bool classFailure, DateTimeOffset at)
    {
        _pendingAttempts++;
        if (LastAttemptAt is not { } last || at > last) LastAttemptAt = at;
        Ring.Add(AttemptsChannel);
        if (classFailure)
        {
            Ring.Add(FailuresChannel);
            if (Series[0].Pages) Ring.Add(ActionableChannel);
        }

        Series[0].Observe(classFailure, at);
    }

    public void Learn(TimeSpan elapsed, TimeSpan halfLife)
    {
        Volume.Decay(elapsed, halfLife);
        Volume.Add(_pendingAttempts, 0);
        _pendingAttempts = 0;
        // One rate of a slice in an incident means the others see it too (raw includes actionable):
        // none of them may learn the incident as normal.
        var frozen = Array.Exists(Series, s => s.AlertKey is not null);
        foreach (var series in Series) series.Learn(elapsed, halfLife, frozen);
    }

    /// <summary>Whether a remembered failure belongs to this stream's slice of traffic.</summary>
    public bool Contains(in FailureRecord failure) => Dimension.Kind switch
    {
        DimensionKind.Merchant => true,
        DimensionKind.Psp => failure.Psp == Dimension.Value,
        DimensionKind.PaymentMethod => failure.PaymentMethod == Dimension.Value,
        DimensionKind.CardNetwork => failure.CardNetwork == Dimension.Value,
        DimensionKind.DeclineClass => failure.Class == Class,
        _ => false,
    };

    /// <summary>Whether a failure of this stream counts in the given series (all, actionable, or its class).</summary>
    public bool Counts(FailureSeries series, in FailureRecord failure) =>
        series.Measure != FailureMeasure.ActionableFailures || failure.Actionable;

    public int ChannelOf(FailureSeries series) =>
        Class is not null || series.Measure == FailureMeasure.AllFailures ? FailuresChannel : ActionableChannel;

    /// <summary>
    /// This stream's rate that can explain <paramref name="other"/>'s series: the same measure on a
    /// slice; for a decline class, the actionable rate if the class pages, else all failures. A decline
    /// class stream can explain only its own class or the broader rates its failures belong to.
    /// </summary>
    public FailureSeries? Comparable(FailureStream other, FailureSeries series)
    {
        if (ReferenceEquals(other, this)) return series;
        var wantsActionable = series.Measure == FailureMeasure.ActionableFailures
            || (series.Measure == FailureMeasure.ClassFailures && series.Pages);
        if (Class is null) return wantsActionable ? Series[1] : Series[0];
        if (other.Class is not null) return other.Class == Class ? Series[0] : null;
        return !wantsActionable || Series[0].Pages ? Series[0] : null;
    }

    /// <summary>Attempts, failures and excess over the baseline since <paramref name="since"/>.</summary>
    public WindowStats Window(FailureSeries series, DateTimeOffset since, double attributionZ)
    {
        var attempts = Ring.Sum(AttemptsChannel, since);
        var failures = Ring.Sum(ChannelOf(series), since);
        var excess = failures - attempts * series.Mean;
        var elevated = attempts > 0 && WilsonInterval.Lower(failures, attempts, attributionZ) > series.Mean;
        return new WindowStats(attempts, failures, series.Mean, excess, elevated);
    }
}
