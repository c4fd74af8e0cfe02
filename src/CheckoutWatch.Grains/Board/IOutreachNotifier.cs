using CheckoutWatch.Abstractions.Outreach;

namespace CheckoutWatch.Grains.Board;

/// <summary>
/// The node's way out to boards for the outreach queue. Items carry customer contact data: the
/// host decides who sees it unmasked. Implementations must not block.
/// </summary>
public interface IOutreachNotifier
{
    /// <summary>Items created or changed (claimed, released, expired, done), with the figures they change.</summary>
    void ItemsChanged(IReadOnlyList<OutreachItem> items, SavedToday saved);

    void EscalationRaised(Escalation escalation);
}
