using System.Collections.Immutable;

namespace CheckoutWatch.Abstractions.Outreach;

/// <summary>
/// The cluster's outreach queue (one activation, key 0): takes candidates from the merchant
/// grains, keeps one item per affected customer, and owns exclusive claims, outcomes, the
/// "saved today" figures and agents' escalations. Claims and outcomes are persisted before the
/// answer, so they survive a node loss.
/// </summary>
public interface IOutreachGrain : IGrainWithIntegerKey
{
    /// <summary>New or updated affected customers from one merchant.</summary>
    Task AddAsync(ImmutableArray<OutreachCandidate> candidates);

    /// <summary>Items by priority (see docs/outreach.md), filtered.</summary>
    Task<ImmutableArray<OutreachItem>> ListAsync(OutreachQuery query);

    Task<OutreachItem?> GetAsync(string id);

    /// <summary>Claims an open item for <paramref name="agent"/> (re-claiming one's own renews it).</summary>
    Task<OutreachCommandResult> ClaimAsync(string id, string agent);

    /// <summary>Gives a claim back; only its holder (or an admin, <paramref name="force"/>) can.</summary>
    Task<OutreachCommandResult> ReleaseAsync(string id, string agent, bool force);

    /// <summary>Records the outcome (validated); the item must be claimed by <paramref name="agent"/> or open.</summary>
    Task<OutreachCommandResult> RecordOutcomeAsync(string id, string agent, OutreachOutcome outcome, long? recoveredAmountMinor, string? note);

    Task<SavedToday> GetSavedTodayAsync();

    Task<Escalation> EscalateAsync(Escalation escalation);

    /// <summary>Escalations of the last day, newest first.</summary>
    Task<ImmutableArray<Escalation>> ListEscalationsAsync();
}
