using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Monitoring;
using CheckoutWatch.Detection.Windows;

namespace CheckoutWatch.Detection.Detectors;

// How simultaneous triggers become one alert per incident.
//
// A PSP outage raises psp=X, but also the merchant (X is part of it), payment_method=card and the
// card networks X carries, and the technical decline class. Only one of them may page. The rule:
//  1. A trigger on a stream that is already part of an open alert (its own, or another rate of it
//     was folded into one) joins that alert.
//  2. A trigger joins an open alert that already accounts for most (CoverShare) of its recent
//     failures, counted on the merchant's recent-failure log, so that overlap is real and disjoint
//     slices (two PSPs) never cover each other: psp=X covers network=visa; a merchant-wide alert
//     covers all its slices.
//  3. Otherwise the alert goes to the most specific slice that explains the incident (see
//     Attribute): elevated, with the rest of the merchant not elevated, not mostly another open
//     incident's failures, and the strongest evidence among such slices. When none does (the
//     whole merchant fails, or two PSPs together), the merchant stream carries the alert and lists
//     the elevated slices as evidence. Decline classes are evidence, never a target; a decline
//     class alerts on its own only when no slice explains it.
//  4. When a merchant-wide alert opens while slice alerts are open (a PSP incident spreading to
//     the whole merchant), the slice alerts get the merchant alert as parent. Spike alerts page
//     only after a grace (DetectionOptions.PagingGrace), so a slice folded within it never pages;
//     one that already paged is left alone (a page is never taken back).
internal sealed partial class FailureSpikeDetector
{
    private void HandleTriggers(DateTimeOffset now)
    {
        List<(FailureStream Stream, FailureSeries Series, BernoulliCusum Test)>? triggers = null;
        foreach (var stream in _all)
        {
            var rate = stream.AttemptRate;
            var moderate = Threshold(_spike, _spike.ModerateThreshold, rate);
            var large = Threshold(_spike, _spike.LargeThreshold, rate);
            foreach (var series in stream.Series)
            {
                if (series.Crossed(moderate, large, _spike) is { } test) (triggers ??= []).Add((stream, series, test));
            }
        }

        if (triggers is null) return;
        triggers.Sort((a, b) => a.Stream.Priority != b.Stream.Priority
            ? a.Stream.Priority.CompareTo(b.Stream.Priority)
            : string.CompareOrdinal(a.Stream.Dimension.Value, b.Stream.Dimension.Value));
        foreach (var (stream, series, test) in triggers)
        {
            if (series.AlertKey is null) Handle(stream, series, test, now);
        }
    }

    /// <summary>h grows with ln(volume) above the reference rate, so false alarms per hour stay flat.</summary>
    internal static double Threshold(FailureSpikeOptions spike, double baseThreshold, double attemptRate) =>
        Math.Min(spike.MaxThreshold, baseThreshold + Math.Log(Math.Max(1, attemptRate / spike.ThresholdReferenceRate)));

    private void Handle(FailureStream stream, FailureSeries series, BernoulliCusum test, DateTimeOffset now)
    {
        var since = series.ChangePoint(test);
        var own = stream.Window(series, since, _spike.AttributionZ);
        var joined = stream.AlertKey ?? Array.Find(stream.Series, s => s.AlertKey is not null)?.AlertKey;
        if (joined is not null && _incidents.TryGetValue(joined, out var ownIncident))
        {
            series.Fire(joined, now, own.Rate, _spike);
            if (ReferenceEquals(ownIncident.Stream, stream) && since < ownIncident.StartedAt) ownIncident.StartedAt = since;
            return;
        }

        foreach (var incident in _incidents.Values)
        {
            if (Share(stream, series, incident.Stream, since) < _spike.CoverShare) continue;
            series.Fire(incident.Key, now, own.Rate, _spike);
            return;
        }

        if (Attribute(stream, series, since, now) is { } target) Open(target, stream, series, since, own, now);
    }

    /// <summary>
    /// Where an incident that <paramref name="trigger"/> noticed lives. Every slice is nested in the
    /// merchant, so a slice C explains the incident when C is elevated and the rest of the
    /// merchant (merchant minus C) is clearly at its normal rate. Among such slices the one with the strongest evidence
    /// (log-likelihood ratio of its window) wins: the source holds the excess undiluted, while a
    /// slice that merely contains it (payment_method=card) or overlaps it (a network) scores less
    /// or leaves an elevated rest. No such slice: a slice trigger means the incident is broader
    /// (merchant-wide); a merchant or decline-class trigger keeps its own stream.
    /// </summary>
    private FailureStream? Attribute(FailureStream trigger, FailureSeries series, DateTimeOffset since, DateTimeOffset now)
    {
        var parentSeries = _merchant.Comparable(trigger, series)!;
        var parent = _merchant.Window(parentSeries, since, _spike.AttributionZ);
        FailureStream? target = null, maybe = null;
        var best = double.NegativeInfinity;
        var undecided = double.NegativeInfinity;
        foreach (var candidate in _all)
        {
            if (!candidate.IsSlice || candidate.Comparable(trigger, series) is not { } comparable) continue;
            var theirs = candidate.Window(comparable, since, _spike.AttributionZ);
            if (!theirs.Elevated) continue;
            if (CoveredShare(candidate, comparable, since) >= 0.5) continue;
            // The rest of the merchant must look normal, not merely "not yet elevated".
            var restAttempts = parent.Attempts - theirs.Attempts;
            var restFailures = Math.Max(0, parent.Failures - theirs.Failures);
            var midpoint = (parent.Baseline + theirs.Rate) / 2;
            // An elevated rest means the incident is broader than this slice: clearly above baseline
            // (z = GuardZ) and by a material part of the slice's own rise, not by a stray failure.
            var restRate = restAttempts == 0 ? 0 : (double)restFailures / restAttempts;
            if (restAttempts > 0
                && WilsonInterval.Lower(restFailures, restAttempts, _spike.GuardZ) > parent.Baseline
                && restRate >= parent.Baseline + 0.25 * (theirs.Rate - parent.Baseline))
            {
                continue;
            }

            // A slice that is most of the merchant (card beside a little paypal) says little more
            // than the merchant, which then carries the alert (a slice trigger goes up to it).
            if (restAttempts < _spike.MinRestShare * parent.Attempts) continue;
            if (restAttempts < _spike.MinRestAttempts
                || WilsonInterval.Upper(restFailures, restAttempts, _spike.AttributionRestZ) >= midpoint)
            {
                // Not provably normal yet (seconds in, or a rate in between): worth a moment's
                // patience, and afterwards the slice still wins if its rest's rate is below the midpoint.
                if (theirs.LogLikelihoodRatio > undecided)
                {
                    undecided = theirs.LogLikelihoodRatio;
                    maybe = restRate < midpoint ? candidate : null;
                }

                continue;
            }

            if (theirs.LogLikelihoodRatio <= best) continue;
            best = theirs.LogLikelihoodRatio;
            target = candidate;
        }

        // Seconds into an incident the data may not tell a PSP outage from a merchant-wide one:
        // wait a little (the test stays above its threshold) rather than name the wrong slice.
        // After that the best slice whose rest is large enough and not elevated wins; a rest too
        // small to judge sends the alert to the merchant.
        if (undecided > best)
        {
            if (now - series.PendingSince(now) < _spike.AttributionPatience) return null;
            target = maybe;
        }

        return target ?? (trigger.IsSlice ? _merchant : trigger);
    }

    /// <summary>Of <paramref name="stream"/>'s recent failures (its series' measure), the share that also belongs to <paramref name="outer"/>.</summary>
    private double Share(FailureStream stream, FailureSeries series, FailureStream outer, DateTimeOffset since)
    {
        int inStream = 0, inBoth = 0;
        foreach (var failure in _recent.Since(since))
        {
            if (!stream.Contains(failure) || !stream.Counts(series, failure)) continue;
            inStream++;
            if (outer.Contains(failure)) inBoth++;
        }

        return inStream == 0 ? 0 : (double)inBoth / inStream;
    }

    /// <summary>Of <paramref name="stream"/>'s recent failures, the share that open incidents already account for.</summary>
    private double CoveredShare(FailureStream stream, FailureSeries series, DateTimeOffset since)
    {
        if (_incidents.Count == 0) return 0;
        int inStream = 0, covered = 0;
        foreach (var failure in _recent.Since(since))
        {
            if (!stream.Contains(failure) || !stream.Counts(series, failure)) continue;
            inStream++;
            foreach (var incident in _incidents.Values)
            {
                if (!incident.Stream.Contains(failure)) continue;
                covered++;
                break;
            }
        }

        return inStream == 0 ? 0 : (double)covered / inStream;
    }

    private void Open(FailureStream target, FailureStream trigger, FailureSeries series, DateTimeOffset startedAt, WindowStats own, DateTimeOffset now)
    {
        var key = DetectedAlert.KeyFor(_merchantId, AlertKind.PaymentFailureSpike, target.Dimension);
        var targetSeries = target.Comparable(trigger, series)!;
        var targetWindow = target.Window(targetSeries, startedAt, _spike.AttributionZ);
        targetSeries.Fire(key, now, targetWindow.Rate, _spike);
        if (!ReferenceEquals(targetSeries, series)) series.Fire(key, now, own.Rate, _spike);
        // A technical outage lifts the raw rate too and may trip it first: when the actionable
        // rate of the target is elevated and carries most of the excess, the alert opens as
        // actionable (it pages). A spike of customer declines leaves the actionable rate alone.
        foreach (var sibling in target.Series)
        {
            if (sibling.AlertKey is not null || !sibling.Pages) continue;
            var w = target.Window(sibling, startedAt, _spike.AttributionZ);
            if (w.Elevated && w.Failures >= _spike.MinFailures && w.Excess >= 0.5 * targetWindow.Excess)
            {
                sibling.Fire(key, now, w.Rate, _spike);
            }
        }

        target.AlertKey = key;

        var incident = new SpikeIncident(key, target, startedAt, _options.MaxTrackedSessions) { OpenedAt = now };
        foreach (var failure in _recent.Since(startedAt))
        {
            if (target.Contains(failure)) incident.Add(failure);
        }

        _incidents[key] = incident;
        var opened = _tracker.Open(Build(incident, now), now);
        incident.StartedAt = opened.StartedAt;
        if (target.Dimension.Kind != DimensionKind.Merchant) return;
        // A merchant-wide alert takes over paging from its slices only if it pages itself: a
        // board-only parent (customer declines lifting the raw rate) must not silence a paging
        // child, or nobody is paged for a technical outage that spread.
        var parentPages = opened.Severity != AlertSeverity.Minor;
        foreach (var child in _incidents.Values)
        {
            if (child.Key == key || child.ParentKey is not null) continue;
            if (!parentPages && Build(child, now).Severity != AlertSeverity.Minor) continue;
            // A child that already paged keeps paging: adopting it would take a page back.
            if (child.Paged) continue;
            child.ParentKey = key;
            _tracker.Update(Build(child, now), now);
        }
    }
}
