using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Health;

namespace CheckoutWatch.Abstractions.Grains;

/// <summary>
/// The latest tile of every merchant, so a board that connects late starts from the current
/// picture. Nodes send it what they published, in one call per second each.
/// </summary>
public interface IBoardSnapshotGrain : IGrainWithIntegerKey
{
    Task PublishAsync(ImmutableArray<MerchantHealth> tiles);

    Task<ImmutableArray<MerchantHealth>> GetTilesAsync();
}
