using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Abstractions.Health;

namespace CheckoutWatch.Grains.Board;

/// <summary>Keeps the newest tile per merchant; rebuilt from live traffic within a second if lost.</summary>
public sealed class BoardSnapshotGrain : Grain, IBoardSnapshotGrain
{
    private readonly Dictionary<string, MerchantHealth> _tiles = new(StringComparer.Ordinal);

    public Task PublishAsync(ImmutableArray<MerchantHealth> tiles)
    {
        foreach (var tile in tiles)
        {
            if (!_tiles.TryGetValue(tile.MerchantId, out var known) || known.At <= tile.At)
            {
                _tiles[tile.MerchantId] = tile;
            }
        }

        return Task.CompletedTask;
    }

    public Task<ImmutableArray<MerchantHealth>> GetTilesAsync() =>
        Task.FromResult(_tiles.Values.OrderBy(t => t.MerchantId, StringComparer.Ordinal).ToImmutableArray());
}
