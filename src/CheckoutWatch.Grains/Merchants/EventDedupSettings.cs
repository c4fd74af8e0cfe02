namespace CheckoutWatch.Grains.Merchants;

/// <summary>
/// Whether merchant grains remember the events they counted, and for how long (docs/design.md,
/// "Exactly once across a node's death"). On in cluster mode, where an event applied on a dying
/// node comes back through a retry or the stream's take-over; off in the embedded default, where
/// nothing outlives the process.
/// </summary>
public sealed record EventDedupSettings(bool Enabled, TimeSpan Window, int MaxEntriesPerMerchant)
{
    public static readonly EventDedupSettings Off = new(false, TimeSpan.FromMinutes(2), 2_000_000);
}
