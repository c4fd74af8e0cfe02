using System.Globalization;
using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Detectors;

namespace CheckoutWatch.Detection.Monitoring;

/// <summary>
/// One PSP across all merchants: the merchants' per-second counts on it feed one stream that runs
/// the same tests as a merchant's PSP slice (Bernoulli CUSUMs on the raw and actionable rates,
/// frozen baseline, recovery test). Its alert is PSP-wide: merchant <see cref="PlatformMerchantId"/>,
/// dimension psp = the PSP. Merchant alerts mostly on this PSP fold under it while it is open
/// (see <see cref="MerchantMonitor.SetPlatformIncidents"/>), and its baseline is the prior of
/// small merchants' PSP slices (<see cref="PspBaselinePrior"/>). Not thread-safe.
/// </summary>
public sealed class PspMonitor
{
    /// <summary>The merchant id of platform-wide alerts.</summary>
    public const string PlatformMerchantId = "*";

    /// <summary>Below this many attempts the PSP's own baseline is no better prior than the platform's.</summary>
    public const long MinAttemptsForPrior = 1_000;

    private readonly DetectionOptions _options;
    private readonly FailureSpikeOptions _spike;
    private readonly FailureStream _stream;
    private readonly AlertTracker _tracker;
    private readonly PlatformBaselinePrior _prior;
    private readonly string _key;
    private readonly Queue<(DateTimeOffset At, string Merchant, long Attempts, long Failures, long Actionable, IReadOnlyList<FailedAmount> Amounts)> _reports = new();
    private readonly PspIncidentTotals _totals = new();
    private DateTimeOffset? _lastEvaluate;
    private DateTimeOffset _startedAt;

    public PspMonitor(string psp, DetectionOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(psp);
        ArgumentNullException.ThrowIfNull(options);
        Psp = psp.Trim().ToLowerInvariant();
        _options = options;
        _spike = options.FailureSpike;
        var dimension = new AlertDimension(DimensionKind.Psp, Psp);
        _stream = new FailureStream(dimension, null, false, _spike);
        _tracker = new AlertTracker(options.Cooldown, options.UpdateInterval);
        _prior = new PlatformBaselinePrior(_spike);
        _key = DetectedAlert.KeyFor(PlatformMerchantId, AlertKind.PaymentFailureSpike, dimension);
        UpdateModels();
    }

    public string Psp { get; }

    /// <summary>The key of the open PSP-wide alert, if one is open.</summary>
    public string? OpenIncidentKey => _tracker.IsActive(_key) ? _key : null;

    /// <summary>The learned PSP-wide failure rate (all failures), frozen while the alert fires.</summary>
    public double BaselineRate => _stream.Series[0].Mean;

    /// <summary>The learned PSP-wide actionable failure rate.</summary>
    public double ActionableBaselineRate => _stream.Series[1].Mean;

    /// <summary>Attempts seen in all, so a caller can tell a learned baseline from the prior.</summary>
    public long TotalAttempts { get; private set; }

    /// <summary>What merchants learn when they report: the open alert and, once learned, the PSP-wide rates.</summary>
    public PspReading Reading()
    {
        var learned = TotalAttempts >= MinAttemptsForPrior;
        return new PspReading(Psp, OpenIncidentKey, learned ? BaselineRate : null, learned ? ActionableBaselineRate : null);
    }

    /// <summary>Adds one merchant's counts, spread evenly over <paramref name="at"/>'s second.</summary>
    public void Observe(string merchantId, PspCounts counts, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(merchantId);
        var attempts = Math.Max(0, counts.Attempts);
        var failures = Math.Clamp(counts.Failures, 0, attempts);
        var actionable = Math.Clamp(counts.ActionableFailures, 0, failures);
        long seenFailures = 0;
        for (long i = 0; i < attempts; i++)
        {
            // Failures interleave with successes (and actionable ones among failures) as evenly as the counts allow.
            var failed = (i + 1) * failures / attempts > i * failures / attempts;
            var isActionable = false;
            if (failed)
            {
                isActionable = (seenFailures + 1) * actionable / failures > seenFailures * actionable / failures;
                seenFailures++;
            }

            _stream.Observe(failed, isActionable, at);
        }

        TotalAttempts += attempts;
        if (attempts == 0) return;
        var amounts = counts.FailedAmounts ?? [];
        _reports.Enqueue((at, merchantId, attempts, failures, actionable, amounts));
        if (_stream.AlertKey is not null && at >= _startedAt) _totals.Add(failures, actionable, amounts);
    }

    /// <summary>Decides at <paramref name="now"/> (about once per second) and returns the alert's changes.</summary>
    public IReadOnlyList<AlertChange> Evaluate(DateTimeOffset now)
    {
        var elapsed = _lastEvaluate is { } last && now > last ? now - last : TimeSpan.Zero;
        if (_lastEvaluate is null || now > _lastEvaluate) _lastEvaluate = now;
        var at = _lastEvaluate.Value;
        _stream.Ring.Advance(at);
        while (_reports.TryPeek(out var oldest) && oldest.At < _stream.Ring.OldestStart) _reports.Dequeue();
        Trigger(at);
        if (_stream.AlertKey is not null) Progress(at);
        _stream.Learn(elapsed, _spike.BaselineHalfLife);
        UpdateModels();
        return _tracker.Drain(at);
    }

    private void Trigger(DateTimeOffset now)
    {
        var rate = _stream.AttemptRate;
        var moderate = FailureSpikeDetector.Threshold(_spike, _spike.ModerateThreshold, rate);
        var large = FailureSpikeDetector.Threshold(_spike, _spike.LargeThreshold, rate);
        foreach (var series in _stream.Series)
        {
            if (series.Crossed(moderate, large, _spike) is not { } test) continue;
            var since = series.ChangePoint(test);
            // One merchant's own problem lifts its PSP's rate too; that is the merchant's alert.
            if (_stream.AlertKey is null && !SpreadAcrossMerchants(series, since)) continue;
            var window = _stream.Window(series, since, _spike.AttributionZ);
            series.Fire(_key, now, window.Rate, _spike);
            if (_stream.AlertKey is not null) continue;
            _stream.AlertKey = _key;
            _startedAt = since;
            _totals.Clear();
            foreach (var r in _reports.Where(r => r.At >= since)) _totals.Add(r.Failures, r.Actionable, r.Amounts);
            _tracker.Open(Build(now), now);
        }
    }

    /// <summary>
    /// Whether the excess failures since <paramref name="since"/> come from several merchants: at
    /// least two with failures above the PSP's baseline, and none holding more than CoverShare of
    /// the excess. A PSP outage spreads with volume; one merchant's misconfiguration does not.
    /// </summary>
    private bool SpreadAcrossMerchants(FailureSeries series, DateTimeOffset since)
    {
        var actionable = series.Measure == FailureMeasure.ActionableFailures;
        var excess = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var r in _reports)
        {
            if (r.At < since) continue;
            var failures = actionable ? r.Actionable : r.Failures;
            excess[r.Merchant] = excess.GetValueOrDefault(r.Merchant) + failures - r.Attempts * series.Mean;
        }

        var positive = excess.Values.Where(e => e > 0).ToArray();
        return positive.Length >= 2 && positive.Max() <= _spike.CoverShare * positive.Sum();
    }

    private void Progress(DateTimeOffset now)
    {
        var recovered = true;
        foreach (var series in _stream.Series)
        {
            if (series.AlertKey is null) continue;
            var recent = _stream.Window(series, now - _spike.RecoveryWindow, _spike.AttributionZ);
            series.TrackRecovery(now, recent.Rate <= series.IncidentLevel, _spike);
            recovered &= series.IsRecovered(now, _options);
        }

        _tracker.Update(Build(now), now);
        if (!recovered) return;
        _tracker.Resolve(_key, now);
        _stream.AlertKey = null;
        foreach (var series in _stream.Series) series.Calm();
    }

    private DetectedAlert Build(DateTimeOffset now)
    {
        var actionable = _stream.Series[1].AlertKey is not null;
        var lead = actionable ? _stream.Series[1] : _stream.Series[0];
        var since = _startedAt > _stream.Ring.OldestStart ? _startedAt : _stream.Ring.OldestStart;
        var window = _stream.Window(lead, since, _spike.AttributionZ);
        var severity = !actionable ? AlertSeverity.Minor
            : window.Rate - lead.Mean >= _spike.CriticalExcessRate ? AlertSeverity.Critical
            : AlertSeverity.Major;
        var what = actionable ? "Technical payment failures" : "Payment failures";
        var (sessions, currency, revenue, byCurrency) = _totals.Figures(actionable);
        return new DetectedAlert(_key, PlatformMerchantId, AlertKind.PaymentFailureSpike, _stream.Dimension)
        {
            Severity = severity,
            Actionable = actionable,
            Title = string.Create(CultureInfo.InvariantCulture,
                $"{what} on psp {Psp} across merchants: {window.Rate:P0} (baseline {lead.Mean:P1})"),
            ObservedRate = window.Rate,
            BaselineRate = lead.Mean,
            ThresholdRate = lead.IncidentLevel,
            Window = now - since,
            Attempts = window.Attempts,
            Failures = window.Failures,
            StartedAt = _startedAt,
            DetectedAt = now,
            UpdatedAt = now,
            AffectedSessions = sessions,
            RevenueAtRiskMinor = revenue,
            Currency = currency,
            RevenueAtRiskByCurrency = byCurrency,
        };
    }

    private void UpdateModels()
    {
        foreach (var series in _stream.Series)
        {
            var context = new BaselineContext(PlatformMerchantId, _stream.Dimension, series.Measure, null, null);
            series.UpdateModel(_prior.PriorFor(context), _spike);
        }
    }
}
