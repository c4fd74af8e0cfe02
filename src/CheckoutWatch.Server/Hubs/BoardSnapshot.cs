using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Health;

namespace CheckoutWatch.Server.Hubs;

/// <summary>
/// The current picture a board asks for when it connects or reconnects: tiles, the retained
/// alerts, and the feed sequence to continue from with <c>GetAlertsSince</c>.
/// </summary>
public sealed record BoardSnapshot(
    DateTimeOffset ServerTime,
    IReadOnlyList<MerchantHealth> Tiles,
    IReadOnlyList<AlertView> Alerts,
    long AlertSequence);
