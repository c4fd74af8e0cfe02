using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Security;

namespace CheckoutWatch.Grains.Security;

/// <summary>Wall-display tokens, by hash. Calls are rare (a sign-in, a hub call of a wall display), so one activation serves them.</summary>
public sealed class DisplayTokenGrain(
    [PersistentState("display-tokens", DisplayTokenGrain.StorageName)] IPersistentState<DisplayTokenState> state,
    TimeProvider clock) : Grain, IDisplayTokenGrain
{
    public const string StorageName = "security";

    public async Task<DisplayTokenInfo> CreateAsync(string name, string tokenHash, string createdBy)
    {
        var hash = tokenHash.ToUpperInvariant();
        if (state.State.IdByHash.ContainsKey(hash))
        {
            throw new ArgumentException("A token with this hash exists already.", nameof(tokenHash));
        }

        var info = new DisplayTokenInfo($"dt-{state.State.NextNumber++}", name, clock.GetUtcNow(), createdBy, null, null);
        state.State.Tokens[info.Id] = info;
        state.State.IdByHash[hash] = info.Id;
        await state.WriteStateAsync();
        return info;
    }

    public Task<DisplayTokenInfo?> FindActiveAsync(string tokenHash) => Task.FromResult(
        state.State.IdByHash.TryGetValue(tokenHash.ToUpperInvariant(), out var id) && state.State.Tokens[id] is { Active: true } info
            ? info
            : null);

    public Task<bool> IsActiveAsync(string id) =>
        Task.FromResult(state.State.Tokens.TryGetValue(id, out var info) && info.Active);

    public async Task<DisplayTokenInfo?> RevokeAsync(string id, string revokedBy)
    {
        if (!state.State.Tokens.TryGetValue(id, out var info))
        {
            return null;
        }

        if (info.Active)
        {
            info = info with { RevokedAt = clock.GetUtcNow(), RevokedBy = revokedBy };
            state.State.Tokens[id] = info;
            await state.WriteStateAsync();
        }

        return info;
    }

    public Task<ImmutableArray<DisplayTokenInfo>> ListAsync() =>
        Task.FromResult(state.State.Tokens.Values.OrderBy(t => t.CreatedAt).ToImmutableArray());
}
