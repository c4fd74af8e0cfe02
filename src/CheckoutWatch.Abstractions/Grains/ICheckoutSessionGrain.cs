using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Ingest;
using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Abstractions.Grains;

/// <summary>
/// One checkout session, keyed <c>{merchantId}/{sessionId}</c> (see <see cref="SessionKey"/>).
/// Applies its events through the session state machine and recognises duplicates.
/// </summary>
public interface ICheckoutSessionGrain : IGrainWithStringKey
{
    /// <summary>Applies the events (all of this session) and says which were duplicates.</summary>
    Task<SessionBatchResult> ApplyAsync(ImmutableArray<CheckoutEvent> events);

    /// <summary>The session as it stands, for operators and tests.</summary>
    Task<SessionView> GetAsync();
}
