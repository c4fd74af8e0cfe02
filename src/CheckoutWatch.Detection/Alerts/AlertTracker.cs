namespace CheckoutWatch.Detection.Alerts;

/// <summary>
/// The life cycle of a monitor's alerts: open, throttled updates, resolve, and re-open within the
/// cooldown (so one incident stays one alert instead of flapping into many). Detectors decide
/// when; the tracker keeps identities stable and collects the changes for the next Evaluate.
/// </summary>
public sealed class AlertTracker(TimeSpan cooldown, TimeSpan updateInterval)
{
    private readonly Dictionary<string, Entry> _alerts = new(StringComparer.Ordinal);
    private readonly List<AlertChange> _changes = [];

    public IReadOnlyCollection<DetectedAlert> Active =>
        _alerts.Values.Where(e => e.Alert.ResolvedAt is null).Select(e => e.Alert).ToArray();

    public bool IsActive(string key) => _alerts.TryGetValue(key, out var e) && e.Alert.ResolvedAt is null;

    public DetectedAlert? Get(string key) => _alerts.TryGetValue(key, out var e) ? e.Alert : null;

    /// <summary>Opens an alert, or re-opens the resolved one with the same key within the cooldown.</summary>
    public DetectedAlert Open(DetectedAlert alert, DateTimeOffset now)
    {
        if (_alerts.TryGetValue(alert.IncidentKey, out var existing))
        {
            if (existing.Alert.ResolvedAt is null) return existing.Alert;
            if (now - existing.Alert.ResolvedAt.Value <= cooldown)
            {
                var reopened = alert with
                {
                    StartedAt = existing.Alert.StartedAt,
                    DetectedAt = existing.Alert.DetectedAt,
                    ReopenedAt = now,
                    UpdatedAt = now,
                    ResolvedAt = null,
                    Occurrences = existing.Alert.Occurrences + 1,
                    ParentIncidentKey = alert.ParentIncidentKey ?? existing.Alert.ParentIncidentKey,
                };
                Record(ChangeKind.Reopened, reopened, now);
                return reopened;
            }
        }

        var opened = alert with { DetectedAt = now, UpdatedAt = now, ResolvedAt = null };
        Record(ChangeKind.Opened, opened, now);
        return opened;
    }

    /// <summary>
    /// Replaces the figures of an open alert. A change of severity, paging or parent is reported at
    /// once; other changes at most once per update interval.
    /// </summary>
    public void Update(DetectedAlert alert, DateTimeOffset now)
    {
        if (!_alerts.TryGetValue(alert.IncidentKey, out var e) || e.Alert.ResolvedAt is not null) return;
        var current = alert with
        {
            StartedAt = e.Alert.StartedAt,
            DetectedAt = e.Alert.DetectedAt,
            ReopenedAt = e.Alert.ReopenedAt,
            Occurrences = e.Alert.Occurrences,
            ParentIncidentKey = alert.ParentIncidentKey ?? e.Alert.ParentIncidentKey,
        };
        var urgent = current.Severity != e.Reported.Severity || current.Pages != e.Reported.Pages
            || current.Actionable != e.Reported.Actionable || current.ParentIncidentKey != e.Reported.ParentIncidentKey;
        var due = now - e.ReportedAt >= updateInterval && Fingerprint(current) != Fingerprint(e.Reported);
        if (urgent || due)
        {
            Record(ChangeKind.Updated, current with { UpdatedAt = now }, now);
        }
        else
        {
            e.Alert = current;
        }
    }

    public void Resolve(string key, DateTimeOffset now)
    {
        if (!_alerts.TryGetValue(key, out var e) || e.Alert.ResolvedAt is not null) return;
        Record(ChangeKind.Resolved, e.Alert with { ResolvedAt = now, UpdatedAt = now }, now);
    }

    /// <summary>Returns the changes since the last call and forgets alerts resolved longer than the cooldown ago.</summary>
    public IReadOnlyList<AlertChange> Drain(DateTimeOffset now)
    {
        List<string>? expired = null;
        foreach (var (key, e) in _alerts)
        {
            if (e.Alert.ResolvedAt is { } at && now - at > cooldown) (expired ??= []).Add(key);
        }

        expired?.ForEach(k => _alerts.Remove(k));
        if (_changes.Count == 0) return [];
        var changes = _changes.ToArray();
        _changes.Clear();
        return changes;
    }

    /// <summary>Every detector counts in whole seconds: no version reports a shorter window.</summary>
    public static readonly TimeSpan MinWindow = TimeSpan.FromSeconds(1);

    private void Record(ChangeKind kind, DetectedAlert alert, DateTimeOffset now)
    {
        if (alert.Window < MinWindow)
        {
            var span = alert.UpdatedAt - alert.StartedAt;
            alert = alert with { Window = span > MinWindow ? span : MinWindow };
        }

        _alerts[alert.IncidentKey] = new Entry(alert, alert, now);
        _changes.Add(new AlertChange(kind, alert));
    }

    private static (AlertSeverity, int, long, long, long, long) Fingerprint(DetectedAlert a) =>
        (a.Severity, a.AffectedSessions, a.Failures, (long)Math.Round((a.ObservedRate ?? 0) * 1000),
            (long)(a.ObservedStarts ?? 0), a.RevenueAtRiskMinor);

    private sealed class Entry(DetectedAlert alert, DetectedAlert reported, DateTimeOffset reportedAt)
    {
        public DetectedAlert Alert { get; set; } = alert;
        public DetectedAlert Reported { get; } = reported;
        public DateTimeOffset ReportedAt { get; } = reportedAt;
    }
}
