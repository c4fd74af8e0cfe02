using CheckoutWatch.Abstractions.Grains;
using Microsoft.AspNetCore.SignalR;

namespace CheckoutWatch.Server.Hubs;

/// <summary>
/// The war-room hub at <c>/hubs/warroom</c>. Boards call <see cref="GetSnapshot"/> on every
/// (re)connect and then apply the pushed changes.
/// </summary>
public sealed class WarRoomHub(IGrainFactory grains, TimeProvider clock) : Hub<IWarRoomClient>
{
    public const string Path = "/hubs/warroom";

    public async Task<BoardSnapshot> GetSnapshot()
    {
        var tiles = await grains.GetGrain<IBoardSnapshotGrain>(0).GetTilesAsync();
        return new BoardSnapshot(clock.GetUtcNow(), tiles);
    }
}
