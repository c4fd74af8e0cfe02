using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Grains;

namespace CheckoutWatch.Grains.Alerts;

/// <summary>The alert timeline: every state change, note and notification, with time and actor.</summary>
public sealed partial class AlertFeedGrain
{
    /// <summary>Entries kept per alert; the oldest go first (the alert's own fields keep its key times).</summary>
    public const int MaxTimelineEntries = 500;

    public const string DetectionActor = "detection";

    public async Task<AlertCommandResult> ReopenAsync(string id, string by)
    {
        if (!Feed.Alerts.TryGetValue(id, out var alert))
        {
            return new AlertCommandResult(null, null);
        }

        if (alert.Status != AlertStatus.Resolved)
        {
            return new AlertCommandResult(null, "Only a resolved alert can be reopened.");
        }

        var reopened = Stamp(alert with
        {
            Status = AlertStatus.Open,
            AcknowledgedAt = null,
            AcknowledgedBy = null,
            ResolvedAt = null,
            ResolvedBy = null,
        }, actor: by);
        await PersistAndPublishAsync([reopened]);
        return new AlertCommandResult(reopened, null);
    }

    public async Task<AlertCommandResult> AddNoteAsync(string id, string by, string text)
    {
        if (!Feed.Alerts.TryGetValue(id, out var alert))
        {
            return new AlertCommandResult(null, null);
        }

        var note = new AlertNoteView(text, by, clock.GetUtcNow());
        Append(id, new AlertTimelineEntry(note.At, AlertTimelineEntry.Note, by, text));
        var noted = Stamp(alert with { NoteCount = alert.NoteCount + 1, LatestNote = note });
        await PersistAndPublishAsync([noted]);
        return new AlertCommandResult(noted, null);
    }

    public async Task<bool> AddTimelineEntryAsync(string id, AlertTimelineEntry entry)
    {
        if (!Feed.Alerts.TryGetValue(id, out var alert))
        {
            return false;
        }

        Append(id, entry);
        // A new version of the alert makes open detail views fetch the timeline again.
        await PersistAndPublishAsync([Stamp(alert)], toNotifiers: false);
        return true;
    }

    public Task<ImmutableArray<AlertTimelineEntry>> GetTimelineAsync(string id) => Task.FromResult(
        Feed.Alerts.ContainsKey(id) ? [.. Feed.Timelines.GetValueOrDefault(id) ?? []] : default(ImmutableArray<AlertTimelineEntry>));

    public async Task RecordNotificationAsync(string id, ImmutableArray<AlertTimelineEntry> entries, DeliveryStatusView? delivery)
    {
        if (!Feed.Alerts.TryGetValue(id, out var alert))
        {
            return;
        }

        foreach (var entry in entries)
        {
            Append(id, entry);
        }

        if (delivery == alert.Delivery)
        {
            if (!entries.IsDefaultOrEmpty)
            {
                await state.WriteStateAsync();
            }

            return;
        }

        // A new delivery status is a change of the alert (boards show it); the notifier need not hear it back.
        await PersistAndPublishAsync([Stamp(alert with { Delivery = delivery })], toNotifiers: false);
    }

    /// <summary>Derives the timeline entries of a state change from the alert's previous and new versions.</summary>
    private void RecordChanges(AlertView? previous, AlertView current, string? actor, DateTimeOffset now)
    {
        if (previous is null)
        {
            Append(current.Id, new AlertTimelineEntry(current.DetectedAt, AlertTimelineEntry.Opened, DetectionActor, current.Title));
        }
        else
        {
            if (previous.Severity != current.Severity)
            {
                Append(current.Id, new AlertTimelineEntry(now, AlertTimelineEntry.SeverityChanged, DetectionActor, $"{previous.Severity} → {current.Severity}"));
            }

            if (previous.Status != current.Status)
            {
                Append(current.Id, current.Status switch
                {
                    AlertStatus.Acknowledged => new AlertTimelineEntry(current.AcknowledgedAt ?? now, AlertTimelineEntry.Acknowledged, current.AcknowledgedBy ?? actor ?? "", null),
                    AlertStatus.Resolved => new AlertTimelineEntry(current.ResolvedAt ?? now, AlertTimelineEntry.Resolved, current.ResolvedBy ?? actor ?? "auto", null),
                    _ => new AlertTimelineEntry(now, AlertTimelineEntry.Reopened, actor ?? DetectionActor, null),
                });
            }
        }

        if (previous?.Silenced?.SilenceId != current.Silenced?.SilenceId)
        {
            Append(current.Id, current.Silenced is { } mark
                ? new AlertTimelineEntry(now, AlertTimelineEntry.Silenced, mark.Author, $"{mark.Reason} (until {mark.EndsAt:u})")
                : new AlertTimelineEntry(now, AlertTimelineEntry.Unsilenced, DetectionActor, previous?.Silenced?.SilenceId));
        }
    }

    private void Append(string id, AlertTimelineEntry entry)
    {
        if (!Feed.Timelines.TryGetValue(id, out var timeline))
        {
            Feed.Timelines[id] = timeline = [];
        }

        timeline.Add(entry);
        if (timeline.Count > MaxTimelineEntries)
        {
            timeline.RemoveRange(0, timeline.Count - MaxTimelineEntries);
        }
    }

    /// <summary>Hands changes of alerts that page (or once paged) to their notifiers, without waiting.</summary>
    private void TellNotifiers(IReadOnlyList<AlertView> changed)
    {
        foreach (var alert in changed.Where(a => Feed.Paged.Contains(a.Id)))
        {
            _ = GrainFactory.GetGrain<IAlertNotifierGrain>(alert.Id).AlertChangedAsync(alert);
        }
    }
}
