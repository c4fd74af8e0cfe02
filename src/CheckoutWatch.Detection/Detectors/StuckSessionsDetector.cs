using System.Globalization;
using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Knowledge;
using CheckoutWatch.Detection.Monitoring;
using CheckoutWatch.Detection.Sessions;
using CheckoutWatch.Detection.Windows;

namespace CheckoutWatch.Detection.Detectors;

/// <summary>
/// Many sessions stuck at one merchant (or on one of its PSPs) within a window make one
/// merchant-level stuck_sessions alert; it resolves once no new session got stuck for a while.
/// The share is taken of the in-flight sessions when the host reports them, otherwise of the
/// payments submitted in the window.
/// </summary>
internal sealed class StuckSessionsDetector(string merchantId, DetectionOptions options, KnowledgeBase knowledge, AlertTracker tracker)
{
    private const int MaxPsps = 32;
    private static readonly TimeSpan _bucket = TimeSpan.FromSeconds(10);

    private readonly StuckSessionOptions _o = options.StuckSessions;
    private readonly string _key = DetectedAlert.KeyFor(merchantId, AlertKind.StuckSessions, AlertDimension.Merchant(merchantId));
    private readonly Queue<SessionFinding> _stuck = new();
    private readonly BucketRing _submitted = NewRing(options.StuckSessions);
    private readonly Dictionary<string, BucketRing> _submittedByPsp = new(StringComparer.Ordinal);
    private IncidentTally? _tally;
    private DateTimeOffset _firingSince;
    private DateTimeOffset _lastStuckAt;
    private DateTimeOffset _startedAt;

    public int? InFlightSessions { get; set; }

    public void ObserveSubmitted(string? psp)
    {
        _submitted.Add(0);
        if (Normalize(psp) is not { } key) return;
        if (!_submittedByPsp.TryGetValue(key, out var ring))
        {
            if (_submittedByPsp.Count >= MaxPsps) return;
            ring = NewRing(_o);
            _submittedByPsp[key] = ring;
        }

        ring.Add(0);
    }

    public void Observe(SessionFinding finding, DateTimeOffset at)
    {
        var stuck = finding with { DetectedAt = at, Psp = Normalize(finding.Psp) };
        _stuck.Enqueue(stuck);
        if (_tally is null) return;
        _lastStuckAt = at;
        _tally.Add(stuck.SessionId, stuck.AmountMinor, stuck.Currency, null, FailureKind.Timeout);
    }

    public void Evaluate(DateTimeOffset now)
    {
        _submitted.Advance(now);
        foreach (var ring in _submittedByPsp.Values) ring.Advance(now);
        while (_stuck.Count > 0 && now - _stuck.Peek().DetectedAt > _o.Window) _stuck.Dequeue();

        if (_tally is not null)
        {
            var quiet = now - _lastStuckAt >= _o.QuietPeriod && now - _firingSince >= options.MinFiringTime;
            tracker.Update(Build(now), now);
            if (quiet)
            {
                // Sessions counted in this incident must not open the next one.
                tracker.Resolve(_key, now);
                _tally = null;
                _stuck.Clear();
            }

            return;
        }

        if (!Triggered(now)) return;
        _tally = new IncidentTally(options.MaxTrackedSessions);
        _firingSince = now;
        _startedAt = _stuck.Min(s => s.DetectedAt);
        _lastStuckAt = _stuck.Max(s => s.DetectedAt);
        foreach (var s in _stuck) _tally.Add(s.SessionId, s.AmountMinor, s.Currency, null, FailureKind.Timeout);
        tracker.Open(Build(now), now);
    }

    private bool Triggered(DateTimeOffset now)
    {
        var sessions = DistinctSessions(null);
        if (sessions < _o.MinSessions) return false;
        if (sessions >= _o.MinSessions && Share(sessions, Denominator(null, now)) >= _o.MinShare) return true;
        return _stuck.Select(s => s.Psp).OfType<string>().Distinct(StringComparer.Ordinal)
            .Any(psp => DistinctSessions(psp) is var n && n >= _o.MinSessions && Share(n, Denominator(psp, now)) >= _o.MinShare);
    }

    private int DistinctSessions(string? psp) =>
        _stuck.Where(s => psp is null || s.Psp == psp).Select(s => s.SessionId).Distinct(StringComparer.Ordinal).Count();

    private long Denominator(string? psp, DateTimeOffset now)
    {
        var since = now - _o.Window;
        if (psp is null) return Math.Max(InFlightSessions ?? 0, _submitted.Sum(0, since));
        return _submittedByPsp.TryGetValue(psp, out var ring) ? ring.Sum(0, since) : 0;
    }

    private static double Share(int stuck, long denominator) => (double)stuck / Math.Max(stuck, denominator);

    private DetectedAlert Build(DateTimeOffset now)
    {
        var sessions = Math.Max(DistinctSessions(null), _tally?.Sessions ?? 0);
        var share = Share(DistinctSessions(null), Denominator(null, now));
        var byPsp = _stuck.Where(s => s.Psp is not null).GroupBy(s => s.Psp!, StringComparer.Ordinal)
            .Select(g => (Psp: g.Key, Count: g.Select(s => s.SessionId).Distinct(StringComparer.Ordinal).Count()))
            .OrderByDescending(p => p.Count).ThenBy(p => p.Psp, StringComparer.Ordinal).ToArray();
        var inAuth = _stuck.Count(s => s.StuckIn == PaymentState.Submitted);
        var where = inAuth * 2 >= _stuck.Count ? "payment authorization" : "3-D Secure";
        var dominant = byPsp.Length > 0 && byPsp[0].Count >= _o.DominantShare * Math.Max(1, _stuck.Count) ? $" (mostly psp {byPsp[0].Psp})" : "";
        var (currency, revenue) = _tally?.MajorityRevenue() ?? (null, 0);
        var severity = sessions >= _o.CriticalSessions || share >= _o.CriticalShare ? AlertSeverity.Critical : AlertSeverity.Major;
        var evidence = byPsp.Take(5).Select(p =>
        {
            var submitted = Denominator(p.Psp, now);
            return new DimensionEvidence(new AlertDimension(DimensionKind.Psp, p.Psp), Share(p.Count, submitted), 0, submitted, p.Count, p.Count);
        }).ToArray();

        return new DetectedAlert(_key, merchantId, AlertKind.StuckSessions, AlertDimension.Merchant(merchantId))
        {
            Severity = severity,
            Actionable = true,
            Title = string.Create(CultureInfo.InvariantCulture,
                $"{sessions} checkout sessions stuck in {where} on merchant {merchantId}{dominant}"),
            ObservedRate = share,
            Window = now - _startedAt,
            Attempts = Denominator(null, now),
            Failures = sessions,
            StartedAt = _startedAt,
            DetectedAt = now,
            UpdatedAt = now,
            AffectedSessions = sessions,
            RevenueAtRiskMinor = revenue,
            Currency = currency,
            RevenueAtRiskByCurrency = _tally?.RevenueByCurrency ?? new Dictionary<string, long>(),
            Guidance = knowledge.Lookup(null, FailureKind.Timeout),
            Evidence = evidence,
        };
    }

    private static BucketRing NewRing(StuckSessionOptions o) =>
        new(Math.Max(2, (int)Math.Ceiling(o.Window / _bucket) + 1), 1, _bucket);

    private static string? Normalize(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();
}
