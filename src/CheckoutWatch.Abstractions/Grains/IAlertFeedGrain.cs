using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Alerts;

namespace CheckoutWatch.Abstractions.Grains;

/// <summary>
/// The cluster's alert feed (one activation, key 0): gives each incident a stable alert id,
/// applies detection changes and human actions, stamps every change with the next feed sequence,
/// persists, and pushes changes to boards.
/// </summary>
public interface IAlertFeedGrain : IGrainWithIntegerKey
{
    /// <summary>Applies detection changes (opened, updated, resolved, reopened) from a merchant.</summary>
    Task ApplyAsync(ImmutableArray<AlertChangeMessage> changes);

    Task<AlertView?> GetAsync(string id);

    Task<ImmutableArray<AlertView>> ListAsync(AlertQuery query);

    /// <summary>Every alert changed after <paramref name="sequence"/> (reconnect catch-up).</summary>
    Task<AlertFeedPage> GetSinceAsync(long sequence);

    Task<AlertCommandResult> AcknowledgeAsync(string id, string by);

    Task<AlertCommandResult> ResolveAsync(string id, string by);

    /// <summary>Reopens a resolved alert by hand: open again, acknowledgement cleared, notifies anew.</summary>
    Task<AlertCommandResult> ReopenAsync(string id, string by);

    /// <summary>Adds an on-call note (already validated) to the alert's timeline.</summary>
    Task<AlertCommandResult> AddNoteAsync(string id, string by, string text);

    /// <summary>Adds an entry from outside the alert workflow (an agent's escalation); false when the alert is unknown.</summary>
    Task<bool> AddTimelineEntryAsync(string id, AlertTimelineEntry entry);

    /// <summary>Everything that happened to the alert, oldest first; default when the alert is unknown.</summary>
    Task<ImmutableArray<AlertTimelineEntry>> GetTimelineAsync(string id);

    /// <summary>The silences in force or scheduled (from the silence grain): marks are re-evaluated now.</summary>
    Task SetSilencesAsync(ImmutableArray<SilenceView> silences);

    /// <summary>What the notifier did for an alert: timeline entries and the delivery status.</summary>
    Task RecordNotificationAsync(string id, ImmutableArray<AlertTimelineEntry> entries, DeliveryStatusView? delivery);
}
