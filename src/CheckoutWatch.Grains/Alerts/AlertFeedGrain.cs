using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Grains.Board;
using CheckoutWatch.Grains.Diagnostics;

namespace CheckoutWatch.Grains.Alerts;

/// <summary>
/// The alert feed. Alerts are rare next to events (a handful a minute on a bad day), so one
/// activation serialising them is what gives the feed its single monotonic sequence.
/// </summary>
public sealed partial class AlertFeedGrain(
    [PersistentState("alert-feed", AlertFeedGrain.StorageName)] IPersistentState<AlertFeedState> state,
    IBoardNotifier board,
    TimeProvider clock) : Grain, IAlertFeedGrain
{
    public const string StorageName = "alerts";

    /// <summary>Resolved alerts are kept this long, and at most <see cref="MaxRetained"/> alerts in all.</summary>
    public static readonly TimeSpan ResolvedRetention = TimeSpan.FromHours(24);
    public const int MaxRetained = 5_000;

    private AlertFeedState Feed => state.State;

    public async Task ApplyAsync(ImmutableArray<AlertChangeMessage> changes)
    {
        var changed = new List<AlertView>(changes.Length);
        foreach (var change in changes)
        {
            var stamped = Stamp(Apply(change));
            GrainMetrics.AlertChanged(change.Change, stamped);
            changed.Add(stamped);
        }

        Prune(clock.GetUtcNow());
        await PersistAndPublishAsync(changed);
    }

    public Task<AlertView?> GetAsync(string id) =>
        Task.FromResult(Feed.Alerts.GetValueOrDefault(id));

    public Task<ImmutableArray<AlertView>> ListAsync(AlertQuery query) => Task.FromResult(Feed.Alerts.Values
        .Where(a => query.Status is null || a.Status == query.Status)
        .Where(a => query.MerchantId is null || a.MerchantId == query.MerchantId)
        .Where(a => query.Kind is null || a.Kind == query.Kind)
        .OrderBy(a => a.Status == AlertStatus.Resolved)
        .ThenBy(a => SeverityRank(a.Severity))
        .ThenByDescending(a => a.UpdatedAt)
        .Take(Math.Clamp(query.Limit, 1, MaxRetained))
        .ToImmutableArray());

    public Task<AlertFeedPage> GetSinceAsync(long sequence) => Task.FromResult(new AlertFeedPage(
        Feed.Sequence,
        [.. Feed.Alerts.Values.Where(a => a.Sequence > sequence).OrderBy(a => a.Sequence)],
        Truncated: sequence < Feed.PrunedThrough));

    public async Task<AlertCommandResult> AcknowledgeAsync(string id, string by)
    {
        if (!Feed.Alerts.TryGetValue(id, out var alert))
        {
            return new AlertCommandResult(null, null);
        }

        if (alert.Status == AlertStatus.Resolved)
        {
            return new AlertCommandResult(null, "The alert is resolved; reopen it first.");
        }

        if (alert.Status == AlertStatus.Acknowledged)
        {
            return new AlertCommandResult(alert, null);
        }

        var acknowledged = Stamp(alert with { Status = AlertStatus.Acknowledged, AcknowledgedAt = clock.GetUtcNow(), AcknowledgedBy = by });
        await PersistAndPublishAsync([acknowledged]);
        return new AlertCommandResult(acknowledged, null);
    }

    public async Task<AlertCommandResult> ResolveAsync(string id, string by)
    {
        if (!Feed.Alerts.TryGetValue(id, out var alert))
        {
            return new AlertCommandResult(null, null);
        }

        if (alert.Status == AlertStatus.Resolved)
        {
            return new AlertCommandResult(alert, null);
        }

        var resolved = Stamp(alert with { Status = AlertStatus.Resolved, ResolvedAt = clock.GetUtcNow(), ResolvedBy = by });
        await PersistAndPublishAsync([resolved]);
        return new AlertCommandResult(resolved, null);
    }

    private AlertView Apply(AlertChangeMessage change)
    {
        var incoming = change.Alert;
        var parentId = incoming.ParentId is { } parentKey ? Feed.IdByIncident.GetValueOrDefault(parentKey) : null;
        if (!Feed.IdByIncident.TryGetValue(incoming.IncidentKey, out var id) || !Feed.Alerts.TryGetValue(id, out var known))
        {
            // A new incident (or one whose alert was pruned) gets a new id.
            id = $"al-{Feed.NextAlertNumber++:D6}";
            Feed.IdByIncident[incoming.IncidentKey] = id;
            return incoming with { Id = id, ParentId = parentId };
        }

        var merged = incoming with
        {
            Id = id,
            ParentId = parentId,
            Status = known.Status,
            AcknowledgedAt = known.AcknowledgedAt,
            AcknowledgedBy = known.AcknowledgedBy,
            ResolvedAt = known.ResolvedAt,
            ResolvedBy = known.ResolvedBy,
            Silenced = known.Silenced,
            Delivery = known.Delivery,
            NoteCount = known.NoteCount,
            LatestNote = known.LatestNote,
        };

        return change.Change switch
        {
            // A returning incident needs attention again: open, acknowledgement cleared.
            "opened" or "reopened" => merged with { Status = AlertStatus.Open, AcknowledgedAt = null, AcknowledgedBy = null, ResolvedAt = null, ResolvedBy = null },
            // Resolved by hand earlier: the automatic resolution keeps who resolved it.
            "resolved" when known.Status == AlertStatus.Resolved => merged,
            "resolved" => merged with { Status = AlertStatus.Resolved, ResolvedAt = incoming.ResolvedAt ?? clock.GetUtcNow(), ResolvedBy = "auto" },
            _ => merged,
        };
    }

    private AlertView Stamp(AlertView alert, string? actor = null)
    {
        var previous = Feed.Alerts.GetValueOrDefault(alert.Id);
        var now = clock.GetUtcNow();
        var stamped = WithSilenceMark(alert, now) with { Sequence = ++Feed.Sequence };
        Feed.Alerts[stamped.Id] = stamped;
        RecordChanges(previous, stamped, actor, now);
        return stamped;
    }

    private void Prune(DateTimeOffset now)
    {
        var expired = Feed.Alerts.Values
            .Where(a => a.Status == AlertStatus.Resolved && a.ResolvedAt < now - ResolvedRetention)
            .Concat(Feed.Alerts.Values.Where(a => a.Status == AlertStatus.Resolved).OrderBy(a => a.Sequence).Take(Math.Max(0, Feed.Alerts.Count - MaxRetained)))
            .ToList();
        foreach (var alert in expired)
        {
            if (Feed.Alerts.Remove(alert.Id))
            {
                Feed.IdByIncident.Remove(alert.IncidentKey);
                Feed.Timelines.Remove(alert.Id);
                Feed.Paged.Remove(alert.Id);
                Feed.PrunedThrough = Math.Max(Feed.PrunedThrough, alert.Sequence);
            }
        }
    }

    private async Task PersistAndPublishAsync(IReadOnlyList<AlertView> changed, bool toNotifiers = true)
    {
        if (changed.Count == 0)
        {
            return;
        }

        foreach (var alert in changed.Where(a => a.Pages))
        {
            Feed.Paged.Add(alert.Id);
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The changes live only in this activation's memory. Drop it, so the next call starts
            // from what storage holds: a sequence is published only once it is persisted, and
            // after a failover the feed continues from the persisted high-water mark.
            DeactivateOnIdle();
            throw;
        }

        board.AlertsChanged(changed);
        if (toNotifiers)
        {
            TellNotifiers(changed);
        }
    }

    private static int SeverityRank(string severity) => severity switch
    {
        "critical" => 0,
        "major" => 1,
        _ => 2,
    };
}
