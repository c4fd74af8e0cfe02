using System.Globalization;
using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Knowledge;

namespace CheckoutWatch.Detection.Detectors;

// The life of an open spike alert: figures, severity, evidence, recovery and resolution.
internal sealed partial class FailureSpikeDetector
{
    private void Progress(SpikeIncident incident, DateTimeOffset now)
    {
        var stream = incident.Stream;
        var silentSince = stream.LastAttemptAt is { } last && last > incident.StartedAt ? last : incident.StartedAt;
        var noTraffic = now - silentSince >= _spike.NoTrafficResolveAfter && now - incident.OpenedAt >= _options.MinFiringTime;
        var recovered = true;
        foreach (var series in stream.Series)
        {
            if (series.AlertKey != incident.Key) continue;
            TrackRecovery(stream, series, now);
            recovered &= series.IsRecovered(now, _options);
        }

        if (!incident.Paged && incident.ParentKey is null && PlatformParent(incident) is { } platform)
        {
            // A PSP-wide alert across merchants covers this one: it pages, this one shows under it.
            incident.ParentKey = platform;
        }

        var current = Build(incident, now);
        if (current.Pages && !incident.Paged && PagingSibling(incident) is { } sibling)
        {
            // Another alert of this merchant already paged for what is open now: one page per
            // merchant at a time, the later alert shows on the board folded under the first.
            incident.ParentKey = sibling.Key;
            current = Build(incident, now);
        }

        incident.Paged |= current.Pages;
        if (!recovered && !noTraffic)
        {
            _tracker.Update(current, now);
            return;
        }

        if (!recovered)
        {
            current = current with
            {
                Title = string.Create(CultureInfo.InvariantCulture, $"{current.Title}; no payment attempts since {silentSince:HH:mm:ss} UTC, resolved for lack of traffic"),
            };
        }

        _tracker.Update(current, now);
        _tracker.Resolve(incident.Key, now);
        _incidents.Remove(incident.Key);
        stream.AlertKey = null;
        foreach (var other in _all)
        {
            foreach (var series in other.Series)
            {
                if (series.AlertKey == incident.Key) series.Calm();
            }
        }
    }

    /// <summary>The open PSP-wide alert that holds most (CoverShare) of this incident's failures, if any.</summary>
    private string? PlatformParent(SpikeIncident incident)
    {
        if (_platformIncidents.Count == 0) return null;
        var byPsp = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        foreach (var failure in _recent.Since(incident.StartedAt))
        {
            if (!incident.Stream.Contains(failure)) continue;
            total++;
            if (failure.Psp is { } psp && _platformIncidents.ContainsKey(psp)) byPsp[psp] = byPsp.GetValueOrDefault(psp) + 1;
        }

        foreach (var (psp, count) in byPsp)
        {
            if (count >= _spike.CoverShare * total) return _platformIncidents[psp];
        }

        return null;
    }

    private SpikeIncident? PagingSibling(SpikeIncident incident)
    {
        foreach (var other in _incidents.Values)
        {
            if (!ReferenceEquals(other, incident) && other.Paged && other.ParentKey is null) return other;
        }

        return null;
    }

    private DetectedAlert Build(SpikeIncident incident, DateTimeOffset now)
    {
        var stream = incident.Stream;
        var firing = stream.Series.Where(s => s.AlertKey == incident.Key).ToArray();
        var lead = firing.FirstOrDefault(s => s.Pages) ?? firing.FirstOrDefault() ?? stream.Series[0];
        var since = incident.StartedAt > stream.Ring.OldestStart ? incident.StartedAt : stream.Ring.OldestStart;
        var window = stream.Window(lead, since, _spike.AttributionZ);
        var tally = lead.Pages ? incident.Actionable : incident.All;
        var (currency, revenue) = tally.MajorityRevenue();
        var severity = !lead.Pages ? AlertSeverity.Minor
            : window.Rate - lead.Mean >= _spike.CriticalExcessRate || revenue >= _spike.CriticalRevenueAtRiskMinor
                ? AlertSeverity.Critical
                : AlertSeverity.Major;

        return new DetectedAlert(incident.Key, _merchantId, AlertKind.PaymentFailureSpike, stream.Dimension)
        {
            Severity = severity,
            Actionable = lead.Pages,
            Title = Title(stream, lead, window),
            ObservedRate = window.Rate,
            BaselineRate = lead.Mean,
            ThresholdRate = lead.IncidentLevel,
            Window = now - since,
            Attempts = window.Attempts,
            Failures = window.Failures,
            StartedAt = incident.StartedAt,
            DetectedAt = now,
            UpdatedAt = now,
            AffectedSessions = tally.Sessions,
            RevenueAtRiskMinor = revenue,
            Currency = currency,
            RevenueAtRiskByCurrency = tally.RevenueByCurrency,
            TopDeclineCodes = tally.TopCodes(_knowledge, 3),
            Guidance = tally.Guidance(_knowledge),
            Evidence = Evidence(stream, lead, since),
            ParentIncidentKey = incident.ParentKey,
            PagesFrom = incident.OpenedAt + _options.PagingGrace,
        };
    }

    private List<DimensionEvidence> Evidence(FailureStream stream, FailureSeries lead, DateTimeOffset since)
    {
        var evidence = new List<DimensionEvidence>();
        foreach (var other in _all)
        {
            if (ReferenceEquals(other, stream) || other.Comparable(stream, lead) is not { } series) continue;
            var w = other.Window(series, since, _spike.AttributionZ);
            if (!w.Elevated || w.Excess <= 0) continue;
            evidence.Add(new DimensionEvidence(other.Dimension, w.Rate, w.Baseline, w.Attempts, w.Failures, w.Excess));
        }

        evidence.Sort((a, b) => b.ExcessFailures.CompareTo(a.ExcessFailures));
        return evidence.Count > 5 ? evidence.GetRange(0, 5) : evidence;
    }

    private static string Title(FailureStream stream, FailureSeries lead, WindowStats window)
    {
        var what = stream.Class is { } c
            ? $"{c.ToWire().Replace('_', ' ')} declines"
            : lead.Pages ? "Technical payment failures" : "Payment failures";
        var where = stream.Dimension.Kind == DimensionKind.Merchant
            ? $"merchant {stream.Dimension.Value}"
            : $"{stream.Dimension.Kind.ToWire().Replace('_', ' ')} {stream.Dimension.Value}";
        var text = string.Create(CultureInfo.InvariantCulture, $"{what} on {where}: {window.Rate:P0} (baseline {lead.Mean:P1})");
        return char.ToUpperInvariant(text[0]) + text[1..];
    }
}
