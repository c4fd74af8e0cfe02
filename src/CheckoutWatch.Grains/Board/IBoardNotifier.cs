using CheckoutWatch.Abstractions.Health;

namespace CheckoutWatch.Grains.Board;

/// <summary>
/// The node's way out to connected boards. Grains hand it changes; the host batches and sends
/// them (through SignalR in the server). Implementations must not block.
/// </summary>
public interface IBoardNotifier
{
    void HealthChanged(MerchantHealth tile);
}
