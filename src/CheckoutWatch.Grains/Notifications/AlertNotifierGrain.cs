using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Audit;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Grains.Alerts;
using CheckoutWatch.OnCall.Configuration;
using CheckoutWatch.OnCall.Escalation;
using CheckoutWatch.OnCall.Notifications;
using Microsoft.Extensions.Options;

namespace CheckoutWatch.Grains.Notifications;

/// <summary>
/// Notifies on-call about one alert. Each change of the alert (and each timer wake-up) runs the
/// pure <see cref="EscalationPlanner"/>; every planned notification becomes a persisted delivery
/// keyed alert:transition:target <em>before</em> it is sent, so a transition is never sent twice
/// and nothing planned is lost when the node stops: activation resumes what is pending.
/// </summary>
public sealed partial class AlertNotifierGrain(
    [PersistentState("notifier", AlertFeedGrain.StorageName)] IPersistentState<NotifierState> state,
    IOptions<EscalationOptions> options,
    RetrySchedule retries,
    INotificationSender sender,
    IAuditLog audit,
    TimeProvider clock) : Grain, IAlertNotifierGrain, IRemindable
{
    /// <summary>Who takes escalation steps, in the audit log and on the timeline.</summary>
    public const string NotifierActor = "notifier";

    private const string WakeReminder = "notifier-wake";
    private readonly EscalationPlanner _planner = options.Value.CreatePlanner();
    private IGrainTimer? _timer;
    private bool _reminderSet;

    private NotifierState Notifier => state.State;

    private string AlertId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _reminderSet = await this.GetReminder(WakeReminder) is not null;
        await ArmAsync();
    }

    public async Task AlertChangedAsync(AlertView alert)
    {
        // One-way messages may arrive out of order: an older version never replaces a newer one.
        if (Notifier.Alert is { } known && known.Sequence >= alert.Sequence)
        {
            return;
        }

        Notifier.Alert = alert;
        await StepAsync();
    }

    public Task<ImmutableArray<DeliveryView>> GetDeliveriesAsync() =>
        Task.FromResult(Notifier.Deliveries.Values.OrderBy(d => d.CreatedAt).ThenBy(d => d.Key, StringComparer.Ordinal)
            .Select(NotificationMapping.ToView).ToImmutableArray());

    public Task ReceiveReminder(string reminderName, TickStatus status) => StepAsync();

    /// <summary>Plans, persists what is new, sends what is due, reports to the feed, re-arms the timer.</summary>
    private async Task StepAsync()
    {
        if (Notifier.Alert is not { } alert)
        {
            await ArmAsync();
            return;
        }

        var now = clock.GetUtcNow();
        var entries = new List<AlertTimelineEntry>();
        var steps = new List<PlannedNotification>();
        var plan = _planner.Plan(NotificationMapping.ToFacts(alert), Notifier.Progress.ToProgress(), now);
        foreach (var planned in plan.Notifications)
        {
            if (Enqueue(alert, planned, now))
            {
                entries.Add(Describe(planned, now));
                steps.Add(planned);
            }
        }

        var planChanged = entries.Count > 0 || !Notifier.Progress.SameAs(plan.Progress) || plan.WakeAt != Notifier.EscalationWakeAt;
        Notifier.Progress = EscalationProgressState.From(plan.Progress);
        Notifier.EscalationWakeAt = plan.WakeAt;
        if (planChanged)
        {
            // Persist before sending: a delivery that was planned survives a crash mid-send.
            await state.WriteStateAsync();
        }

        await SendDueAsync(now, entries);
        await ReportAsync(entries);
        await ArmAsync();
        await AuditStepsAsync(steps);
    }

    /// <summary>Each escalation step taken (one transition, to all of its targets) is one audit entry by the notifier.</summary>
    private async Task AuditStepsAsync(List<PlannedNotification> steps)
    {
        foreach (var step in steps.GroupBy(s => s.Transition, StringComparer.Ordinal))
        {
            var first = step.First();
            var action = first.Reason switch
            {
                EscalationPlanner.ReasonEscalated => AuditActions.AlertEscalated,
                EscalationPlanner.ReasonStale => AuditActions.AlertRenotified,
                _ => AuditActions.AlertNotified,
            };
            await audit.RecordAsync(NotifierActor, action, AlertId,
                $"{NotificationPayloads.EventName(first.Event)} level {first.Level} ({first.Reason.Replace('_', ' ')}) → {string.Join(", ", step.Select(s => s.Target))}");
        }
    }

    private bool Enqueue(AlertView alert, PlannedNotification planned, DateTimeOffset now)
    {
        var key = planned.IdempotencyKey(alert.Id);
        if (Notifier.Deliveries.ContainsKey(key) || !options.Value.Targets.TryGetValue(planned.Target, out var target))
        {
            return false;
        }

        var summary = NotificationMapping.ToSummary(alert);
        var body = target.Type == NotificationTargetOptions.PagerDuty
            ? NotificationPayloads.PagerDuty(summary, planned, target.RoutingKey!, options.Value.BoardUrl)
            : NotificationPayloads.Generic(summary, planned, key, now, options.Value.BoardUrl);
        Notifier.Deliveries[key] = new DeliveryRecord
        {
            Key = key,
            Target = planned.Target,
            Event = NotificationPayloads.EventName(planned.Event),
            Body = body,
            NextAttemptAt = now,
            CreatedAt = now,
        };
        return true;
    }

    private static AlertTimelineEntry Describe(PlannedNotification n, DateTimeOffset now) => new(
        now,
        n.Reason == EscalationPlanner.ReasonEscalated ? AlertTimelineEntry.Escalated : AlertTimelineEntry.Notified,
        "notifier",
        $"{NotificationPayloads.EventName(n.Event)} → {n.Target} (level {n.Level}, {n.Reason.Replace('_', ' ')})");

    private async Task ReportAsync(List<AlertTimelineEntry> entries)
    {
        var status = NotificationMapping.Status(Notifier.Deliveries.Values);
        if (entries.Count == 0 && status == Notifier.Reported)
        {
            return;
        }

        await GrainFactory.GetGrain<IAlertFeedGrain>(0).RecordNotificationAsync(AlertId, [.. entries], status);
        if (status != Notifier.Reported)
        {
            Notifier.Reported = status;
            await state.WriteStateAsync();
        }
    }

    /// <summary>A one-shot timer at the next escalation or retry; a reminder backs it up across restarts.</summary>
    private async Task ArmAsync()
    {
        _timer?.Dispose();
        _timer = null;
        var next = Notifier.Deliveries.Values
            .Where(d => d.State == DeliveryRecord.Pending)
            .Select(d => d.NextAttemptAt)
            .Append(Notifier.EscalationWakeAt)
            .Where(t => t is not null)
            .Min();
        if (next is not { } wake)
        {
            if (_reminderSet && await this.GetReminder(WakeReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _reminderSet = false;
            return;
        }

        var due = wake - clock.GetUtcNow();
        _timer = this.RegisterGrainTimer(StepAsync, new GrainTimerCreationOptions
        {
            DueTime = due > TimeSpan.Zero ? due : TimeSpan.Zero,
            Period = Timeout.InfiniteTimeSpan,
            KeepAlive = true,
        });
        if (!_reminderSet)
        {
            await this.RegisterOrUpdateReminder(WakeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            _reminderSet = true;
        }
    }
}
