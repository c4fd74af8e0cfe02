using CheckoutWatch.Abstractions.Health;

namespace CheckoutWatch.Server.Hubs;

/// <summary>What the server sends to boards connected to <c>/hubs/warroom</c>.</summary>
public interface IWarRoomClient
{
    /// <summary>Changed merchant tiles, batched: at most one message a second, one tile per merchant.</summary>
    Task HealthUpdated(IReadOnlyList<MerchantHealth> tiles);
}
