using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Ingest;

namespace CheckoutWatch.Abstractions.Grains;

/// <summary>
/// A node-local stateless worker that pre-aggregates accepted events per merchant and flushes
/// them to the merchant grains every few milliseconds, so a busy merchant receives a few calls a
/// second per node instead of one per request.
/// </summary>
public interface IIngestBufferGrain : IGrainWithIntegerKey
{
    Task AddAsync(MerchantBatch batch);

    /// <summary>Adds the batches of several merchants in one call (one per ingest request).</summary>
    Task AddManyAsync(ImmutableArray<MerchantBatch> batches);

    /// <summary>Flushes what is buffered now (tests and shutdown).</summary>
    Task FlushAsync();
}
