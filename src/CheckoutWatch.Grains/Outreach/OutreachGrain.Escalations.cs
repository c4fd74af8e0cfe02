using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Audit;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Abstractions.Outreach;

namespace CheckoutWatch.Grains.Outreach;

/// <summary>Agents' escalations to the payments team.</summary>
public sealed partial class OutreachGrain
{
    /// <summary>Escalations stay listed this long.</summary>
    public static readonly TimeSpan EscalationRetention = TimeSpan.FromDays(1);

    public async Task<Escalation> EscalateAsync(Escalation escalation)
    {
        var now = clock.GetUtcNow();
        var raised = escalation with { Id = $"esc-{++state.State.EscalationsRaised:D6}", RaisedAt = now };
        state.State.Escalations.Add(raised);
        Prune(now);
        await WriteAsync();
        if (raised.AlertId is { } alertId)
        {
            await GrainFactory.GetGrain<IAlertFeedGrain>(0).AddTimelineEntryAsync(alertId,
                new AlertTimelineEntry(now, AlertTimelineEntry.AgentEscalation, raised.RaisedBy, raised.Note));
        }

        board.EscalationRaised(raised);
        await audit.RecordAsync(raised.RaisedBy, AuditActions.OutreachEscalated, raised.Id,
            raised.AlertId is null ? raised.MerchantId : $"alert {raised.AlertId}");
        return raised;
    }

    public Task<ImmutableArray<Escalation>> ListEscalationsAsync()
    {
        var cutoff = clock.GetUtcNow() - EscalationRetention;
        return Task.FromResult(state.State.Escalations.Where(e => e.RaisedAt >= cutoff).OrderByDescending(e => e.RaisedAt).ToImmutableArray());
    }
}
