using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Security;

namespace CheckoutWatch.Grains.Security;

/// <summary>The persisted list of revoked ingest keys; nodes read it at start and every few seconds.</summary>
public sealed class IngestKeyRevocationGrain(
    [PersistentState("ingest-key-revocations", DisplayTokenGrain.StorageName)] IPersistentState<IngestKeyRevocationState> state)
    : Grain, IIngestKeyRevocationGrain
{
    public async Task<bool> RevokeAsync(IngestKeyRevocation revocation)
    {
        var hash = revocation.KeyHash.ToUpperInvariant();
        if (!state.State.ByHash.TryAdd(hash, revocation with { KeyHash = hash }))
        {
            return false;
        }

        await state.WriteStateAsync();
        return true;
    }

    public Task<ImmutableArray<IngestKeyRevocation>> ListAsync() =>
        Task.FromResult(state.State.ByHash.Values.OrderBy(r => r.RevokedAt).ToImmutableArray());
}
