using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Grains.Tests.Infrastructure;

namespace CheckoutWatch.Grains.Tests;

internal static class TestEvents
{
    private static int _next;

    public static CheckoutEvent Event(string merchant, string session, CheckoutEventType type, int second, string? id = null, string psp = "stripe", string? decline = null) =>
        new(id ?? $"e{Interlocked.Increment(ref _next)}", merchant, session, type, ClusterFixture.Start.AddSeconds(second))
        {
            AmountMinor = type is CheckoutEventType.CheckoutStarted or CheckoutEventType.CheckoutCompleted or CheckoutEventType.CheckoutAbandoned ? null : 2500,
            Currency = "EUR",
            Psp = type is CheckoutEventType.CheckoutStarted or CheckoutEventType.CheckoutCompleted or CheckoutEventType.CheckoutAbandoned ? null : psp,
            PaymentMethod = "card",
            CardNetwork = "visa",
            DeclineCode = type == CheckoutEventType.PaymentFailed ? decline ?? "51" : null,
            FailureKind = type == CheckoutEventType.PaymentFailed ? FailureKind.Declined : FailureKind.None,
        };

    /// <summary>The partition grain that holds the session, as the ingest pipeline finds it.</summary>
    public static ISessionPartitionGrain PartitionOf(ClusterFixture cluster, string merchant, string session) =>
        cluster.Grains.GetGrain<ISessionPartitionGrain>(SessionPartitions.IndexOf(merchant, session, SessionPartitions.DefaultCount));

    public static string Merchant() => "m-" + Guid.NewGuid().ToString("N")[..8];
}
