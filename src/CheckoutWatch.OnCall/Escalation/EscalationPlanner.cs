namespace CheckoutWatch.OnCall.Escalation;

/// <summary>
/// Decides, from an alert's facts and how far its notification has gone, what to send now and when
/// to look again. Pure: the grain persists the progress and delivers the notifications.
/// </summary>
public sealed class EscalationPlanner(IReadOnlyList<EscalationPolicy> policies, TimeSpan? acknowledgementStaleAfter)
{
    public const string ReasonOpened = "opened";
    public const string ReasonEscalated = "escalated";
    public const string ReasonAcknowledged = "acknowledged";
    public const string ReasonStale = "acknowledgement_stale";
    public const string ReasonResolved = "resolved";

    /// <summary>The most specific policy covering the kind and severity, or null (board only).</summary>
    public EscalationPolicy? PolicyFor(string kind, string severity) => policies
        .Where(p => p.Covers(kind, severity))
        .OrderByDescending(p => p.Specificity)
        .FirstOrDefault();

    public EscalationPlan Plan(AlertFacts alert, EscalationProgress progress, DateTimeOffset now)
    {
        if (alert.IsResolved)
        {
            return Close(progress);
        }

        if (!progress.Active)
        {
            // A cycle starts the moment an open alert may notify: it pages, and no silence covers it.
            if (!alert.IsOpen || !alert.Notifiable)
            {
                return new EscalationPlan([], progress, null);
            }

            progress = new EscalationProgress(progress.Cycle + 1, now, -1, [], false, false, 0, null);
        }

        var policy = PolicyFor(alert.Kind, alert.Severity);
        if (policy is null)
        {
            return new EscalationPlan([], progress, null);
        }

        return alert.IsOpen ? Escalate(alert, policy, progress, now) : Acknowledged(alert, progress, now);
    }

    private static EscalationPlan Close(EscalationProgress progress)
    {
        if (!progress.Active)
        {
            return new EscalationPlan([], progress, null);
        }

        var sent = progress.Triggered
            .Select(t => new PlannedNotification($"c{progress.Cycle}.resolve", NotificationEvent.Resolve, t, progress.Level, ReasonResolved))
            .ToList();
        return new EscalationPlan(sent, progress with { Closed = true }, null);
    }

    private static EscalationPlan Escalate(AlertFacts alert, EscalationPolicy policy, EscalationProgress progress, DateTimeOffset now)
    {
        // Silenced (or no longer paging) while open: escalation holds until it may notify again.
        if (!alert.Notifiable)
        {
            return new EscalationPlan([], progress, null);
        }

        var sent = new List<PlannedNotification>();
        var triggered = progress.Triggered.ToList();
        DateTimeOffset? wake = null;
        for (var level = progress.Level + 1; level < policy.Levels.Count; level++)
        {
            var due = progress.CycleStartedAt!.Value + policy.Levels[level].After;
            if (due > now)
            {
                wake = due;
                break;
            }

            foreach (var target in policy.Levels[level].Targets.Where(t => !triggered.Contains(t, StringComparer.Ordinal)))
            {
                sent.Add(new PlannedNotification($"c{progress.Cycle}.l{level}", NotificationEvent.Trigger, target, level,
                    level == 0 ? ReasonOpened : ReasonEscalated));
                triggered.Add(target);
            }

            progress = progress with { Level = level };
        }

        return new EscalationPlan(sent, progress with { Triggered = triggered }, wake);
    }

    private EscalationPlan Acknowledged(AlertFacts alert, EscalationProgress progress, DateTimeOffset now)
    {
        var sent = new List<PlannedNotification>();
        if (!progress.AcknowledgeSent)
        {
            sent.AddRange(progress.Triggered.Select(t =>
                new PlannedNotification($"c{progress.Cycle}.ack", NotificationEvent.Acknowledge, t, progress.Level, ReasonAcknowledged)));
            progress = progress with { AcknowledgeSent = true };
        }

        if (acknowledgementStaleAfter is not { } staleAfter || !alert.Notifiable || progress.Triggered.Count == 0)
        {
            return new EscalationPlan(sent, progress, null);
        }

        // An acknowledgement goes stale when nobody acted (acknowledged, noted, or was re-notified) for a while.
        var lastActivity = Latest(alert.AcknowledgedAt ?? now, alert.LastNoteAt, progress.LastStaleAt);
        var staleAt = lastActivity + staleAfter;
        if (staleAt <= now)
        {
            var count = progress.StaleCount + 1;
            sent.AddRange(progress.Triggered.Select(t =>
                new PlannedNotification($"c{progress.Cycle}.stale{count}", NotificationEvent.Trigger, t, progress.Level, ReasonStale)));
            progress = progress with { StaleCount = count, LastStaleAt = now };
            staleAt = now + staleAfter;
        }

        return new EscalationPlan(sent, progress, staleAt);
    }

    private static DateTimeOffset Latest(DateTimeOffset first, params DateTimeOffset?[] others) =>
        others.Aggregate(first, (latest, other) => other is { } o && o > latest ? o : latest);
}
