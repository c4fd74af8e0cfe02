using CheckoutWatch.Abstractions.Outreach;

namespace CheckoutWatch.Grains.Outreach;

/// <summary>
/// The persisted outreach queue. Every number starts at its default (0) on purpose: Orleans
/// leaves default values out of saved state, so no field may rely on another initial value.
/// </summary>
[GenerateSerializer]
public sealed class OutreachState
{
    [Id(0)] public Dictionary<string, OutreachItem> Items { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Customer key (see <see cref="OutreachRules.CustomerKey"/>) → the customer's latest item id.</summary>
    [Id(1)] public Dictionary<string, string> ItemByCustomer { get; set; } = new(StringComparer.Ordinal);

    [Id(2)] public List<Escalation> Escalations { get; set; } = [];
    [Id(3)] public long ItemsCreated { get; set; }
    [Id(4)] public long EscalationsRaised { get; set; }

    /// <summary>Last version handed out; each item change takes the next.</summary>
    [Id(5)] public long Version { get; set; }
}
