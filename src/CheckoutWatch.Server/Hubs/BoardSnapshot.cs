using CheckoutWatch.Abstractions.Health;

namespace CheckoutWatch.Server.Hubs;

/// <summary>The current picture a board asks for when it connects or reconnects.</summary>
public sealed record BoardSnapshot(DateTimeOffset ServerTime, IReadOnlyList<MerchantHealth> Tiles);
