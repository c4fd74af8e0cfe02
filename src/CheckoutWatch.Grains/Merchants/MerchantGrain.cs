using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Abstractions.Health;
using CheckoutWatch.Abstractions.Ingest;
using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Detection.Detectors;
using CheckoutWatch.Detection.Health;
using CheckoutWatch.Detection.Knowledge;
using CheckoutWatch.Detection.Monitoring;
using CheckoutWatch.Detection.Sessions;
using CheckoutWatch.Grains.Alerts;
using CheckoutWatch.Grains.Diagnostics;
using Microsoft.Extensions.Logging;
using CheckoutWatch.Grains.Board;
using CheckoutWatch.Grains.Outreach;
using CheckoutWatch.Abstractions.Outreach;

namespace CheckoutWatch.Grains.Merchants;

/// <summary>
/// A thin shell around <see cref="MerchantHealthCounters"/>: counts what the ingest buffers
/// flush to it and publishes the tile once a second while something changes.
/// </summary>
public sealed class MerchantGrain(
    TimeProvider clock,
    IBoardNotifier board,
    DetectionOptions detection,
    KnowledgeBase knowledge,
    EventDedupSettings dedup,
    ILogger<MerchantGrain> logger) : Grain, IMerchantGrain
{
    public static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(1);
    private const int MaxRecentFindings = 200;
    private static readonly TimeSpan _findingsKept = TimeSpan.FromHours(1);

    private MerchantHealthCounters _counters = null!;
    private MerchantMonitor _monitor = null!;
    private readonly LinkedList<SessionFinding> _recentFindings = new();
    private MerchantHealth? _lastPublished;
    private ImmutableArray<AlertChangeMessage> _undelivered = [];
    private readonly OutreachIntake _outreach = new();
    private EventDedupWindow? _counted;
    private Dictionary<(SessionFindingKind Kind, string SessionId), DateTimeOffset>? _findingsSeen;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _counters = new MerchantHealthCounters(this.GetPrimaryKeyString());
        _monitor = new MerchantMonitor(this.GetPrimaryKeyString(), detection, knowledge, new PspBaselinePrior(detection.FailureSpike));
        if (dedup.Enabled)
        {
            _counted = new EventDedupWindow(dedup.Window, dedup.MaxEntriesPerMerchant);
            _findingsSeen = [];
        }

        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions
        {
            DueTime = TickInterval,
            Period = TickInterval,
            KeepAlive = true,
        });
        return Task.CompletedTask;
    }

    public Task RecordAsync(MerchantBatch batch)
    {
        var now = clock.GetUtcNow();
        // Alerts open and close on the tick, never within a batch.
        var activeAlerts = _monitor.Active;
        _counted?.Expire(now);
        var seenBefore = 0;
        foreach (var evt in batch.Events)
        {
            // An event applied on a node that died before it was acknowledged comes back (a
            // client's retry, the stream's take-over) and must not count twice.
            if (_counted is not null && !_counted.TryAdd(evt.SessionId, evt.EventId, evt.OccurredAt, now))
            {
                seenBefore++;
                continue;
            }

            // Counters live in event time, but a client clock running ahead must not write
            // into seconds that have not happened yet.
            _counters.Record(evt, evt.OccurredAt > now ? now : evt.OccurredAt);
            _monitor.Observe(evt);
            _outreach.Observe(evt, activeAlerts);
        }

        _counters.AddInFlight(batch.InFlightDelta);
        if (seenBefore > 0) GrainMetrics.EventsCountedBefore.Add(seenBefore);
        return Task.CompletedTask;
    }

    public Task ReportFindingsAsync(ImmutableArray<SessionFinding> findings)
    {
        var now = clock.GetUtcNow();
        foreach (var finding in findings)
        {
            if (!FirstReport(finding, now)) continue;
            _monitor.Observe(finding);
            _outreach.Add(finding);
            _recentFindings.AddFirst(finding);
        }

        var cutoff = now - _findingsKept;
        while (_recentFindings.Last is { } last && (_recentFindings.Count > MaxRecentFindings || last.Value.DetectedAt < cutoff))
        {
            _recentFindings.RemoveLast();
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// With dedup on, a session's finding of one kind counts once per window: a session grain that
    /// died and was rebuilt from redelivered events finds the same thing again.
    /// </summary>
    private bool FirstReport(SessionFinding finding, DateTimeOffset now)
    {
        if (_findingsSeen is null) return true;
        var cutoff = now - dedup.Window;
        foreach (var old in _findingsSeen.Where(f => f.Value < cutoff).Select(f => f.Key).ToList())
        {
            _findingsSeen.Remove(old);
        }

        return _findingsSeen.TryAdd((finding.Kind, finding.SessionId), now);
    }

    public Task<ImmutableArray<SessionFinding>> GetRecentFindingsAsync() => Task.FromResult(_recentFindings.ToImmutableArray());

    public Task<MerchantHealth> GetHealthAsync() => Task.FromResult(Tile(clock.GetUtcNow()));

    public Task<MerchantBreakdown> GetBreakdownAsync()
    {
        var now = clock.GetUtcNow();
        var total = _counters.Snapshot(now, historyPoints: 0).LastFiveMinutes;
        var entries = Enum.GetValues<BreakdownDimension>()
            .SelectMany(d => _counters.Breakdown(d, now))
            .Select(r => new BreakdownEntry(MerchantHealthMapping.WireName(r.Dimension), r.Value, r.Counts.Attempts, r.Counts.Successes, r.Counts.Failures))
            .ToImmutableArray();
        return Task.FromResult(new MerchantBreakdown(
            _counters.MerchantId, total.Started, total.Attempts, total.Successes, total.Failures,
            _counters.InFlightSessions, entries));
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tile = Tile(now);
        if (_lastPublished is null || !MerchantHealthMapping.SameFigures(_lastPublished, tile))
        {
            _lastPublished = tile;
            board.HealthChanged(tile);
        }

        await ReportToPspsAsync();
        await SendOutreachAsync();
        var changes = _monitor.Evaluate(now);
        if (changes.Count > 0 || !_undelivered.IsEmpty)
        {
            var batch = _undelivered.AddRange(changes.Select(AlertMapping.ToMessage));
            try
            {
                await GrainFactory.GetGrain<IAlertFeedGrain>(0).ApplyAsync(batch);
                _undelivered = [];
            }
            catch (Exception ex)
            {
                // Kept and sent with the next tick: an alert change is never silently lost.
                _undelivered = batch;
                logger.LogWarning(ex, "Delivering {Count} alert changes for {Merchant} failed; retrying next tick", batch.Length, _counters.MerchantId);
            }
        }
    }

    /// <summary>
    /// Sends this second's per-PSP counts to the PSP grains; their answers say which PSP-wide
    /// alerts are open (this merchant's alerts on such a PSP fold under them) and give the PSP-wide
    /// baselines as priors. A PSP grain that does not answer costs only that second's counts.
    /// </summary>
    private async Task ReportToPspsAsync()
    {
        var counts = _monitor.DrainPspCounts();
        if (counts.Count == 0) return;
        var merchantId = _counters.MerchantId;
        try
        {
            var statuses = await Task.WhenAll(counts.Select(c => GrainFactory.GetGrain<IPspGrain>(c.Psp)
                .ReportAsync(new PspReport(merchantId, c.Attempts, c.Failures, c.ActionableFailures,
                    [.. c.FailedAmounts.Select(a => new PspFailedAmount(a.Currency, a.Actionable, a.Sessions, a.AmountMinor))]))));
            for (var i = 0; i < counts.Count; i++)
            {
                var status = statuses[i];
                _monitor.Apply(new PspReading(counts[i].Psp, status.OpenIncidentKey, status.BaselineRate, status.ActionableBaselineRate));
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Reporting PSP counts for {Merchant} failed; PSP-wide detection misses this second", merchantId);
        }
    }

    /// <summary>Hands this second's outreach candidates to the outreach queue; kept for the next tick if it does not answer.</summary>
    private async Task SendOutreachAsync()
    {
        if (!_outreach.HasPending) return;
        var batch = _outreach.Drain();
        try
        {
            await GrainFactory.GetGrain<IOutreachGrain>(0).AddAsync(batch);
        }
        catch (Exception ex)
        {
            _outreach.Requeue(batch);
            logger.LogWarning(ex, "Delivering {Count} outreach candidates for {Merchant} failed; retrying next tick", batch.Length, _counters.MerchantId);
        }
    }

    private MerchantHealth Tile(DateTimeOffset now) => MerchantHealthMapping.ToTile(_counters.Snapshot(now));
}
