using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Health;

namespace CheckoutWatch.Grains.Board;

/// <summary>
/// The node's way out to connected boards. Grains hand it changes; the host batches and sends
/// them (through SignalR in the server). Implementations must not block.
/// </summary>
public interface IBoardNotifier
{
    void HealthChanged(MerchantHealth tile);

    /// <summary>Alerts that opened, changed or resolved, already stamped with their feed sequence.</summary>
    void AlertsChanged(IReadOnlyList<AlertView> alerts);
}
