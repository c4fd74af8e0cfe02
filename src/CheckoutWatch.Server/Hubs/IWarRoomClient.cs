using CheckoutWatch.Abstractions.Alerts;
using CheckoutWatch.Abstractions.Health;
using CheckoutWatch.Abstractions.Outreach;
using CheckoutWatch.Server.Outreach;

namespace CheckoutWatch.Server.Hubs;

/// <summary>What the server sends to boards connected to <c>/hubs/warroom</c>.</summary>
public interface IWarRoomClient
{
    /// <summary>Changed merchant tiles, batched: at most one message a second, one tile per merchant.</summary>
    Task HealthUpdated(IReadOnlyList<MerchantHealth> tiles);

    /// <summary>Alerts that opened, changed or resolved, sent the moment it happens, in sequence order.</summary>
    Task AlertsChanged(IReadOnlyList<AlertView> alerts);

    /// <summary>Outreach items created or changed; contact data unmasked for agents and admins only.</summary>
    Task OutreachChanged(IReadOnlyList<OutreachItemView> items);

    /// <summary>Customers recovered and revenue saved today, and the queue's open and claimed counts.</summary>
    Task SavedTodayChanged(SavedToday saved);

    /// <summary>An agent escalated something to the payments team.</summary>
    Task EscalationRaised(Escalation escalation);
}
