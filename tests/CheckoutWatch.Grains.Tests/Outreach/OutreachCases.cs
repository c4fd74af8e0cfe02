using CheckoutWatch.Abstractions.Outreach;
using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Grains.Tests.Outreach;

/// <summary>Outreach candidates as merchant grains hand them over.</summary>
internal static class OutreachCases
{
    public static OutreachCandidate Case(string merchant, OutreachReason reason, long amount, DateTimeOffset at, string? customer = null, string currency = "EUR") =>
        new(reason, merchant, "s-" + (customer ?? Guid.NewGuid().ToString("N")[..6]), at)
        {
            AmountMinor = amount,
            Currency = currency,
            Psp = "adyen",
            DeclineCode = reason == OutreachReason.RepeatedFailures ? "51" : null,
            Customer = new CustomerInfo(customer ?? "c-" + Guid.NewGuid().ToString("N")[..8], "Maria Schmidt", "maria@example.org", "+49 30 1234567"),
        };

    /// <summary>A queue of its own (any key works the same as the cluster's key 0), so tests do not see each other's items.</summary>
    public static IOutreachGrain Queue(IGrainFactory grains) => grains.GetGrain<IOutreachGrain>(Random.Shared.NextInt64(1_000, long.MaxValue));

    public static async Task<OutreachItem> OnlyItemAsync(IOutreachGrain queue, string merchant) =>
        Assert.Single(await queue.ListAsync(new OutreachQuery(null, merchant, null, null, 100)));
}
