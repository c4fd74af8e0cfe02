using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Ingest;
using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Abstractions.Grains;

/// <summary>
/// One session partition, keyed by its index (see <see cref="SessionPartitions"/>): the in-flight
/// checkout sessions whose ids hash to it, each run through the session state machine, with one
/// timing wheel for their deadlines. Live state only, never persisted.
/// </summary>
public interface ISessionPartitionGrain : IGrainWithIntegerKey
{
    /// <summary>Applies the events (all of this partition, in order) and says what each did.</summary>
    Task<PartitionBatchResult> ApplyAsync(ImmutableArray<CheckoutEvent> events);

    /// <summary>One session as it stands, for operators and tests; null when this partition does not hold it.</summary>
    Task<SessionView?> GetSessionAsync(string merchantId, string sessionId);
}
