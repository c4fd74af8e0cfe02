using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Knowledge;
using CheckoutWatch.Detection.Monitoring;
using CheckoutWatch.Detection.Windows;

namespace CheckoutWatch.Detection.Detectors;

/// <summary>
/// Payment-failure spikes of one merchant, per merchant and per PSP, payment method, card network
/// and decline class. Each slice runs sequential tests on its raw and actionable failure rates;
/// simultaneous triggers are folded into one alert per incident (see the Triggers part).
/// </summary>
internal sealed partial class FailureSpikeDetector
{
    private readonly string _merchantId;
    private readonly DetectionOptions _options;
    private readonly FailureSpikeOptions _spike;
    private readonly KnowledgeBase _knowledge;
    private readonly IBaselinePrior _prior;
    private readonly AlertTracker _tracker;
    private readonly FailureStream _merchant;
    private readonly Dictionary<(DimensionKind, string), FailureStream> _slices = [];
    private readonly List<FailureStream> _classes = [];
    private readonly List<FailureStream> _all = [];
    private readonly Dictionary<string, SpikeIncident> _incidents = new(StringComparer.Ordinal);
    private readonly RecentFailureLog _recent;
    private readonly Dictionary<string, PspTally> _pspCounts = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, string> _platformIncidents = new Dictionary<string, string>();

    public FailureSpikeDetector(string merchantId, DetectionOptions options, KnowledgeBase knowledge, IBaselinePrior prior, AlertTracker tracker)
    {
        _merchantId = merchantId;
        _options = options;
        _spike = options.FailureSpike;
        _knowledge = knowledge;
        _prior = prior;
        _tracker = tracker;
        _recent = new RecentFailureLog(_spike.RecentFailureCapacity);
        _merchant = new FailureStream(AlertDimension.Merchant(merchantId), null, false, _spike);
        Track(_merchant);
    }

    internal IReadOnlyList<FailureStream> Streams => _all;

    /// <summary>Counts one completed payment attempt (payment_succeeded or payment_failed).</summary>
    public void Observe(CheckoutEvent evt, DateTimeOffset at)
    {
        var failed = evt.Type == CheckoutEventType.PaymentFailed;
        var psp = Slice(DimensionKind.Psp, evt.Psp);
        var method = Slice(DimensionKind.PaymentMethod, evt.PaymentMethod);
        var network = Slice(DimensionKind.CardNetwork, evt.CardNetwork);
        var declineClass = DeclineClass.Unknown;
        var actionable = false;
        if (failed)
        {
            var entry = _knowledge.Lookup(evt.DeclineCode, evt.FailureKind, evt.CardNetwork);
            var technicalKind = evt.FailureKind is FailureKind.Error or FailureKind.Timeout;
            declineClass = entry?.Class ?? (technicalKind ? DeclineClass.Technical : DeclineClass.Unknown);
            actionable = entry?.Technical ?? (technicalKind || _spike.UnknownDeclinesActionable);
            ClassStream(declineClass, actionable);
        }

        if (psp is not null)
        {
            if (!_pspCounts.TryGetValue(psp.Dimension.Value, out var tally)) _pspCounts[psp.Dimension.Value] = tally = new PspTally();
            tally.Add(failed, actionable, evt.AmountMinor, evt.Currency);
        }

        _merchant.Observe(failed, actionable, at);
        psp?.Observe(failed, actionable, at);
        method?.Observe(failed, actionable, at);
        network?.Observe(failed, actionable, at);
        foreach (var stream in _classes) stream.ObserveClass(failed && stream.Class == declineClass, at);
        if (!failed) return;

        var record = new FailureRecord(at, evt.SessionId, evt.AmountMinor, evt.Currency, evt.DeclineCode, evt.FailureKind,
            declineClass, actionable, psp?.Dimension.Value, method?.Dimension.Value, network?.Dimension.Value);
        _recent.Add(record);
        foreach (var incident in _incidents.Values)
        {
            if (incident.Stream.Contains(record)) incident.Add(record);
        }
    }

    /// <summary>Attempts per PSP since the previous call, for the PSP-wide monitors.</summary>
    public IReadOnlyList<PspCounts> DrainPspCounts()
    {
        if (_pspCounts.Count == 0) return [];
        var counts = _pspCounts.Select(p => p.Value.ToCounts(p.Key)).ToArray();
        _pspCounts.Clear();
        return counts;
    }

    /// <summary>Open PSP-wide alerts: PSP → incident key. Alerts mostly on such a PSP fold under it before they page.</summary>
    public void SetPlatformIncidents(IReadOnlyDictionary<string, string> openByPsp) => _platformIncidents = openByPsp;

    /// <summary>Runs the tests' decisions, the alerts' life cycle, then learns the last interval into the baselines.</summary>
    public void Evaluate(DateTimeOffset now, TimeSpan elapsed)
    {
        foreach (var stream in _all) stream.Ring.Advance(now);
        HandleTriggers(now);
        foreach (var incident in _incidents.Values.ToArray()) Progress(incident, now);
        RecoverCoveredSeries(now);
        Learn(elapsed);
    }

    private void Learn(TimeSpan elapsed)
    {
        // The merchant first: its fresh baseline is the prior of every slice.
        foreach (var stream in _all)
        {
            stream.Learn(elapsed, _spike.BaselineHalfLife);
            UpdateModels(stream);
        }
    }

    private void UpdateModels(FailureStream stream)
    {
        for (var i = 0; i < stream.Series.Length; i++)
        {
            var series = stream.Series[i];
            double? parent = stream.IsSlice ? _merchant.Series[i].Mean : null;
            var context = new BaselineContext(_merchantId, stream.Dimension, series.Measure, stream.Class, parent);
            series.UpdateModel(_prior.PriorFor(context), _spike);
        }
    }

    /// <summary>A new stream starts from its prior at once, so its very first attempt already counts.</summary>
    private void Track(FailureStream stream)
    {
        UpdateModels(stream);
        _all.Add(stream);
    }

    private void RecoverCoveredSeries(DateTimeOffset now)
    {
        foreach (var stream in _all)
        {
            foreach (var series in stream.Series)
            {
                if (series.AlertKey is null || series.AlertKey == stream.AlertKey) continue;
                TrackRecovery(stream, series, now);
                if (series.IsRecovered(now, _options) || !_tracker.IsActive(series.AlertKey)) series.Calm();
            }
        }
    }

    private void TrackRecovery(FailureStream stream, FailureSeries series, DateTimeOffset now)
    {
        var recent = stream.Window(series, now - _spike.RecoveryWindow, _spike.AttributionZ);
        series.TrackRecovery(now, recent.Rate <= series.IncidentLevel, _spike);
    }

    private FailureStream? Slice(DimensionKind kind, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var normalized = value.Trim().ToLowerInvariant();
        if (_slices.TryGetValue((kind, normalized), out var stream)) return stream;
        var perKind = _slices.Keys.Count(k => k.Item1 == kind);
        if (perKind >= _spike.MaxValuesPerDimension)
        {
            // Hostile or exotic data must not grow memory without bound: the rest share one slice.
            normalized = "other";
            if (_slices.TryGetValue((kind, normalized), out stream)) return stream;
        }

        stream = new FailureStream(new AlertDimension(kind, normalized), null, false, _spike);
        _slices[(kind, normalized)] = stream;
        Track(stream);
        return stream;
    }

    private void ClassStream(DeclineClass declineClass, bool pages)
    {
        if (_classes.Exists(s => s.Class == declineClass)) return;
        var dimension = new AlertDimension(DimensionKind.DeclineClass, DeclineClassNames.ToWire(declineClass));
        var stream = new FailureStream(dimension, declineClass, pages, _spike);
        _classes.Add(stream);
        Track(stream);
    }
}
