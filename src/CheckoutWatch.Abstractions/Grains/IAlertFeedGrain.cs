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
}
