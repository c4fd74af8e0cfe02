using System.Globalization;
using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Monitoring;
using CheckoutWatch.Detection.Windows;

namespace CheckoutWatch.Detection.Detectors;

/// <summary>
/// Checkout traffic of one merchant against a learned expectation λ0 (EWMA of starts per second,
/// half-life minutes: it follows daily ramps but not a sudden drop). Starts count in their second
/// of event time, tested once the second has settled. Three tests: a Poisson CUSUM for an 80 %
/// drop (pages), the silence bound — no start at all for ln(1/α)/λ0 seconds, the fastest honest
/// alarm — a fixed-window count test that meets the deadline at low volume (pages), and a Poisson
/// CUSUM for a 60 % drop (board only). The expectation freezes while the
/// alert fires; a recovery CUSUM and a recent-rate check resolve it.
/// </summary>
internal sealed class TrafficDropDetector(string merchantId, DetectionOptions options, AlertTracker tracker)
{
    private readonly TrafficDropOptions _o = options.TrafficDrop;
    private readonly string _key = DetectedAlert.KeyFor(merchantId, AlertKind.TrafficDrop, AlertDimension.Merchant(merchantId));
    private readonly SecondSlots _slots = new(64);
    private readonly DecayingCounts _expectation = new();
    private readonly DecayingCounts _recent = new();
    private readonly PoissonCusum _drop = new();
    private readonly PoissonCusum _partial = new();
    private readonly PoissonCusum _recovery = new();
    private readonly SlidingCounts _window = new(options.TrafficDrop.WindowSeconds);
    private long _totalStarts;
    private TimeSpan _observedFor;
    private double _silentSeconds;
    private DateTimeOffset _silentSince;

    // While firing: the frozen expectation, the tested drop ratio, and the figures since the start.
    private bool _firing;
    private bool _major;
    private double _frozen;
    private double _ratio;
    private DateTimeOffset _startedAt;
    private DateTimeOffset _firingSince;
    private DateTimeOffset? _recoveredSince;
    private long _observed;
    private double _expected;

    /// <summary>Starts per second the monitor currently expects (frozen while a drop alert fires).</summary>
    public double ExpectedPerSecond => _firing ? _frozen : _expectation.Seconds > 0 ? _expectation.Attempts / _expectation.Seconds : 0;

    /// <summary>Starts per second over the last few settled seconds (for charts).</summary>
    public double RecentPerSecond => _recent.Seconds > 0 ? _recent.Attempts / _recent.Seconds : 0;

    public void Observe(DateTimeOffset at) => _slots.Add(at);

    public void Evaluate(DateTimeOffset now)
    {
        foreach (var (start, length, count) in _slots.Settle(now - _o.SettleDelay))
        {
            var elapsed = TimeSpan.FromSeconds(length);
            _recent.Decay(elapsed, TimeSpan.FromSeconds(10));
            _recent.Add(count, 0);
            if (_firing) EvaluateFiring(now, elapsed, count, start);
            else EvaluateQuiet(now, elapsed, count, start);
        }
    }

    private void EvaluateQuiet(DateTimeOffset now, TimeSpan elapsed, long count, DateTimeOffset start)
    {
        var lambda = ExpectedPerSecond;
        var warm = _observedFor >= _o.Warmup && _totalStarts >= _o.MinWarmupStarts && lambda >= _o.MinExpectedPerSecond;
        if (warm)
        {
            var expected = lambda * elapsed.TotalSeconds;
            _drop.Observe(count, expected, 1 - _o.DropFraction, start);
            _partial.Observe(count, expected, 1 - _o.PartialDropFraction, start);
            _window.Add(count, expected, (int)elapsed.TotalSeconds);
            if (count > 0) _silentSeconds = 0;
            else if ((_silentSeconds += elapsed.TotalSeconds) == elapsed.TotalSeconds) _silentSince = start;

            var end = start + elapsed;
            // The expectation keeps learning until an alert fires, so a drop in progress pulls it
            // down; whether the SPEC binds is judged on the larger of now and the window's start.
            var deadlineBinds = DeadlineBinds(Math.Max(lambda, _window.OldestExpected));
            if (lambda * _silentSeconds >= SilenceNats(lambda, deadlineBinds) && end - _silentSince >= _o.MinDropDuration)
            {
                Fire(now, lambda, true, _silentSince, 0, lambda * _silentSeconds);
            }
            else if (Confirmed(_drop, deadlineBinds ? _o.DropThreshold : BudgetThreshold(_o.DropThreshold), _o.DropFraction, _o.MinDropDuration, end))
            {
                Fire(now, lambda, true, _drop.RunStart, _drop.RunObserved, _drop.RunExpected);
            }
            else if (WindowShort(deadlineBinds))
            {
                Fire(now, lambda, true, end - TimeSpan.FromSeconds(_window.Seconds), (long)Math.Round(_window.Observed), _window.Expected);
            }
            else if (Confirmed(_partial, deadlineBinds ? _o.PartialDropThreshold : BudgetThreshold(_o.PartialDropThreshold), _o.PartialDropFraction, _o.MinPartialDropDuration, end))
            {
                Fire(now, lambda, false, _partial.RunStart, _partial.RunObserved, _partial.RunExpected);
            }

            if (_firing) return;
        }
        else
        {
            _drop.Reset();
            _partial.Reset();
            _window.Clear();
            _silentSeconds = 0;
        }

        _expectation.Decay(elapsed, _o.ExpectationHalfLife);
        _expectation.Add(count, 0);
        _observedFor += elapsed;
        _totalStarts += count;
    }

    private static bool Confirmed(PoissonCusum test, double threshold, double fraction, TimeSpan minDuration, DateTimeOffset end) =>
        test.Statistic >= threshold
        && end - test.RunStart >= minDuration
        && test.RunObserved <= (1 - fraction / 2) * test.RunExpected;

    /// <summary>
    /// Whether the merchant may be in the SPEC's range (≥ <see cref="TrafficDropOptions.DeadlineFromPerSecond"/>):
    /// the learned expectation plus z standard errors (√starts / seconds of its decayed counts)
    /// reaches it. A merchant at exactly 1/s learns 1/s ± 3–5 %, so a bare λ0 ≥ 1 would put half
    /// of them on the slower budget path.
    /// </summary>
    private bool DeadlineBinds(double lambda)
    {
        var standardError = _expectation.Seconds > 0 ? Math.Sqrt(_expectation.Attempts) / _expectation.Seconds : 0;
        return lambda + _o.DeadlineConfidenceZ * standardError >= _o.DeadlineFromPerSecond;
    }

    /// <summary>The stricter of a CUSUM's own threshold and the budget's (below the SPEC's volume).</summary>
    private double BudgetThreshold(double threshold) => Math.Max(threshold, FalseAlarmBudget.CusumThreshold(_o.FalseAlarmsPerMerchantHour));

    private double SilenceNats(double lambda, bool deadlineBinds) => deadlineBinds
        ? _o.SilenceNats
        : Math.Max(_o.SilenceNats, FalseAlarmBudget.SilenceNats(lambda, _o.FalseAlarmsPerMerchantHour));

    /// <summary>
    /// The deadline test: the full window holds at most the allowed share of the expected starts,
    /// and either that few starts enter the window rarely enough for the budget, or the learned
    /// expectation may be in the SPEC's range and an exact 80 % drop from max(λ, 1/s) would leave at
    /// most this many with probability <see cref="TrafficDropOptions.DeadlinePower"/>: P(X ≤ k − 1 | 0.2 λ) &lt; power.
    /// </summary>
    private bool WindowShort(bool deadlineBinds)
    {
        if (_o.WindowSeconds <= 0 || !_window.Full) return false;
        var k = (long)Math.Round(_window.Observed);
        var lambda = _window.Expected;
        if (k > _o.WindowMaxShare * lambda) return false;
        if (FalseAlarmBudget.WindowEntriesPerHour(k, lambda, lambda / _window.Seconds) <= _o.FalseAlarmsPerMerchantHour) return true;
        // The SPEC's drop is from at least DeadlineFromPerSecond: what such a drop leaves in the window.
        var dropped = (1 - _o.DropFraction) * Math.Max(lambda, _o.DeadlineFromPerSecond * _window.Seconds);
        return deadlineBinds && PoissonTail.LogLowerTail(k - 1, dropped) < Math.Log(_o.DeadlinePower);
    }

    private void Fire(DateTimeOffset now, double lambda, bool major, DateTimeOffset startedAt, long observed, double expected)
    {
        _firing = true;
        _major = major;
        _frozen = lambda;
        _ratio = 1 - (major ? _o.DropFraction : _o.PartialDropFraction);
        _startedAt = startedAt;
        _firingSince = now;
        _recoveredSince = null;
        _observed = observed;
        _expected = expected;
        _recovery.Reset();
        // A partial drop keeps its 80 % test running, so a deeper drop escalates without starting over.
        if (major) _drop.Reset();
        _window.Clear();
        tracker.Open(Build(now), now);
    }

    private void EvaluateFiring(DateTimeOffset now, TimeSpan elapsed, long count, DateTimeOffset start)
    {
        var expected = _frozen * elapsed.TotalSeconds;
        _observed += count;
        _expected += expected;
        // H0: still at the dropped rate; H1: back at the expectation.
        _recovery.Observe(count, _ratio * expected, 1 / _ratio, start);
        _recovery.Cap(2 * _o.RecoveryThreshold);
        if (!_major)
        {
            // A partial drop that deepens escalates the same alert.
            _drop.Observe(count, expected, 1 - _o.DropFraction, start);
            if (Confirmed(_drop, _o.DropThreshold, _o.DropFraction, _o.MinDropDuration, start + elapsed)) _major = true;
        }

        var recentBack = RecentPerSecond >= (1 + _ratio) / 2 * _frozen;
        if (_recovery.Statistic >= _o.RecoveryThreshold && recentBack) _recoveredSince ??= now;
        else if (_recovery.Statistic <= 0 || !recentBack) _recoveredSince = null;

        var resolved = _recoveredSince is { } since && now - since >= options.ResolveHold
            && now - _firingSince >= options.MinFiringTime;
        tracker.Update(Build(now), now);
        if (!resolved) return;
        tracker.Resolve(_key, now);
        _firing = false;
        _drop.Reset();
        _partial.Reset();
        _window.Clear();
        _silentSeconds = 0;
    }

    private DetectedAlert Build(DateTimeOffset now)
    {
        var remaining = _expected > 0 ? _observed / _expected : 1;
        var severity = !_major ? AlertSeverity.Minor
            : remaining <= _o.CriticalRemainingShare ? AlertSeverity.Critical
            : AlertSeverity.Major;
        var title = string.Create(CultureInfo.InvariantCulture,
            $"Checkout traffic on merchant {merchantId} down {1 - remaining:P0}: {_observed} starts, {_expected:F0} expected");
        return new DetectedAlert(_key, merchantId, AlertKind.TrafficDrop, AlertDimension.Merchant(merchantId))
        {
            Severity = severity,
            Title = title,
            Window = now - _startedAt,
            ObservedStarts = _observed,
            ExpectedStarts = _expected,
            StartedAt = _startedAt,
            DetectedAt = now,
            UpdatedAt = now,
        };
    }
}
