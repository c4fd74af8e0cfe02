using System.Collections.Immutable;

namespace CheckoutWatch.Abstractions.Security;

/// <summary>
/// The wall-display tokens (one activation, key 0), persisted. Only SHA-256 hashes of tokens are
/// stored; a revoked token stays listed, marked, and never works again.
/// </summary>
public interface IDisplayTokenGrain : IGrainWithIntegerKey
{
    /// <summary>Registers a new token by its hash (hex).</summary>
    Task<DisplayTokenInfo> CreateAsync(string name, string tokenHash, string createdBy);

    /// <summary>The active token with this hash, or null.</summary>
    Task<DisplayTokenInfo?> FindActiveAsync(string tokenHash);

    Task<bool> IsActiveAsync(string id);

    /// <summary>Revokes the token; null when there is no such token.</summary>
    Task<DisplayTokenInfo?> RevokeAsync(string id, string revokedBy);

    Task<ImmutableArray<DisplayTokenInfo>> ListAsync();
}
