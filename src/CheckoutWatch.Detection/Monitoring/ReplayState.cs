using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Knowledge;
using CheckoutWatch.Detection.Sessions;

namespace CheckoutWatch.Detection.Monitoring;

/// <summary>The moving parts of one backtest: sessions, monitors, stuck deadlines and what they produced.</summary>
internal sealed class ReplayState(DetectionOptions options, KnowledgeBase knowledge, SessionTimeouts timeouts)
{
    private readonly Dictionary<(string, string), CheckoutSession> _sessions = [];
    private readonly Dictionary<string, MerchantMonitor> _monitors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PspMonitor> _psps = new(StringComparer.Ordinal);
    private readonly PriorityQueue<CheckoutSession, DateTimeOffset> _deadlines = new();
    private readonly List<AlertChange> _changes = [];
    private readonly List<SessionFinding> _findings = [];
    private readonly Dictionary<string, List<StreamPoint>> _curves = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tailArtifacts = new(StringComparer.Ordinal);
    private long _events;
    private long _duplicates;
    private bool _ended;
    private DateTimeOffset _end;

    /// <summary>
    /// From now on the log is over: traffic drops are artifacts of its end, and payments whose
    /// stuck deadline falls after it were cut off, not stuck. Both are left out.
    /// </summary>
    public void EndOfLog(DateTimeOffset lastEvent)
    {
        _ended = true;
        _end = lastEvent;
    }

    public void Apply(CheckoutEvent evt)
    {
        _events++;
        var key = (evt.MerchantId, evt.SessionId);
        if (!_sessions.TryGetValue(key, out var session))
        {
            session = new CheckoutSession(evt.MerchantId, evt.SessionId);
            _sessions[key] = session;
        }

        var result = session.Apply(evt, timeouts);
        if (result.Duplicate)
        {
            _duplicates++;
            return;
        }

        var monitor = Monitor(evt.MerchantId);
        monitor.Observe(evt);
        if (result.Finding is { } finding) Record(monitor, finding);
        if (session.StuckDeadline(timeouts) is { } deadline) _deadlines.Enqueue(session, deadline);
    }

    public void Tick(DateTimeOffset now, ref DateTimeOffset nextSample, TimeSpan sampleInterval)
    {
        while (_deadlines.TryPeek(out var session, out var deadline) && deadline <= now)
        {
            _deadlines.Dequeue();
            if (_ended && deadline > _end) continue;
            if (session.CheckStuck(now, timeouts) is { } finding) Record(Monitor(session.MerchantId), finding);
        }

        // As the grains do it: each merchant reports its per-PSP counts, takes each PSP's reading
        // (open PSP-wide alert, learned prior), then evaluates; the PSP monitors evaluate on their own tick.
        foreach (var monitor in _monitors.Values)
        {
            foreach (var counts in monitor.DrainPspCounts())
            {
                if (!_psps.TryGetValue(counts.Psp, out var psp)) _psps[counts.Psp] = psp = new PspMonitor(counts.Psp, options);
                psp.Observe(monitor.MerchantId, counts, now);
                monitor.Apply(psp.Reading());
            }

            Collect(monitor.Evaluate(now));
        }

        foreach (var psp in _psps.Values) Collect(psp.Evaluate(now));
        if (now < nextSample) return;
        nextSample = now + sampleInterval;
        foreach (var monitor in _monitors.Values) Sample(monitor.Snapshot(), now);
    }

    public BacktestResult Result(DateTimeOffset from, DateTimeOffset to)
    {
        var alerts = new List<BacktestAlert>();
        var open = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var change in _changes)
        {
            var key = change.Alert.IncidentKey;
            if (change.Kind == ChangeKind.Opened || !open.TryGetValue(key, out var index))
            {
                open[key] = alerts.Count;
                alerts.Add(new BacktestAlert(change.Alert, change.Alert.DetectedAt, null, change.Alert.Severity, 0));
                continue;
            }

            var a = alerts[index];
            alerts[index] = a with
            {
                Alert = change.Alert,
                ResolvedAt = change.Kind == ChangeKind.Resolved ? change.Alert.ResolvedAt : null,
                HighestSeverity = (AlertSeverity)Math.Max((int)a.HighestSeverity, (int)change.Alert.Severity),
                Reopened = a.Reopened + (change.Kind == ChangeKind.Reopened ? 1 : 0),
            };
        }

        var keys = alerts.Select(a => BacktestResult.CurveKey(a.Alert)).ToHashSet(StringComparer.Ordinal);
        var curves = _curves.Where(c => keys.Contains(c.Key))
            .ToDictionary(c => c.Key, c => (IReadOnlyList<StreamPoint>)c.Value, StringComparer.Ordinal);
        return new BacktestResult(alerts, _changes, _findings, curves, _events, _duplicates, from, to);
    }

    private void Collect(IReadOnlyList<AlertChange> changes)
    {
        foreach (var change in changes)
        {
            if (_ended && change.Alert.Kind == AlertKind.TrafficDrop && change.Kind is ChangeKind.Opened or ChangeKind.Reopened)
            {
                _tailArtifacts.Add(change.Alert.IncidentKey);
            }

            if (!_tailArtifacts.Contains(change.Alert.IncidentKey)) _changes.Add(change);
        }
    }

    private MerchantMonitor Monitor(string merchantId)
    {
        if (_monitors.TryGetValue(merchantId, out var monitor)) return monitor;
        monitor = new MerchantMonitor(merchantId, options, knowledge, new Detectors.PspBaselinePrior(options.FailureSpike));
        _monitors[merchantId] = monitor;
        return monitor;
    }

    private void Record(MerchantMonitor monitor, SessionFinding finding)
    {
        _findings.Add(finding);
        monitor.Observe(finding);
    }

    private void Sample(MonitorSnapshot snapshot, DateTimeOffset now)
    {
        foreach (var s in snapshot.Streams)
        {
            var key = $"{snapshot.MerchantId}|{s.Dimension.Kind.ToWire()}|{s.Dimension.Value}";
            Curve(key).Add(new StreamPoint(now, s.Attempts, s.Failures, s.ActionableFailures, s.Baseline, s.Threshold,
                s.ActionableBaseline, s.ActionableThreshold));
        }

        Curve($"{snapshot.MerchantId}|traffic").Add(new StreamPoint(now, 0, 0, 0, 0, 0, 0, 0,
            snapshot.RecentStartsPerSecond, snapshot.ExpectedStartsPerSecond));
    }

    private List<StreamPoint> Curve(string key)
    {
        if (!_curves.TryGetValue(key, out var list)) _curves[key] = list = [];
        return list;
    }
}
