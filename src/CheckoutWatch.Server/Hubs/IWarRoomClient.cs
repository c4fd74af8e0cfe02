using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Health;

namespace CheckoutWatch.Server.Hubs;

/// <summary>What the server sends to boards connected to <c>/hubs/warroom</c>.</summary>
public interface IWarRoomClient
{
    /// <summary>Changed merchant tiles, batched: at most one message a second, one tile per merchant.</summary>
    Task HealthUpdated(IReadOnlyList<MerchantHealth> tiles);

    /// <summary>Alerts that opened, changed or resolved, sent the moment it happens, in sequence order.</summary>
    Task AlertsChanged(IReadOnlyList<AlertView> alerts);
}
