using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Alerts;

namespace CheckoutWatch.Abstractions.Grains;

/// <summary>
/// The cluster's silences (one activation, key 0): persisted; hands the feed the silences in force
/// whenever one is created or expired, and at each start and end.
/// </summary>
public interface ISilenceGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a silence (already validated); its id is assigned here.</summary>
    Task<SilenceView> CreateAsync(SilenceView silence);

    /// <summary>Silences not yet ended, and those that ended within the last day.</summary>
    Task<ImmutableArray<SilenceView>> ListAsync();

    /// <summary>Ends a silence now; null when unknown. Ending an ended one changes nothing.</summary>
    Task<SilenceView?> ExpireAsync(string id, string by);
}
