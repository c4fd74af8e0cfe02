using System.Collections.Immutable;

namespace CheckoutWatch.Abstractions.Security;

/// <summary>
/// Revoked ingest keys (one activation, key 0), persisted. A revocation names the key's hash, so
/// it outlives a restart and does not touch a new key configured under the same name.
/// </summary>
public interface IIngestKeyRevocationGrain : IGrainWithIntegerKey
{
    /// <summary>Adds the revocation; returns false when this hash was revoked already.</summary>
    Task<bool> RevokeAsync(IngestKeyRevocation revocation);

    Task<ImmutableArray<IngestKeyRevocation>> ListAsync();
}
