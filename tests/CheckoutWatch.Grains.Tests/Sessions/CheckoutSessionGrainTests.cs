using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Grains.Tests.Infrastructure;
using static CheckoutWatch.Grains.Tests.TestEvents;

namespace CheckoutWatch.Grains.Tests.Sessions;

[Collection(ClusterCollection.Name)]
public sealed class CheckoutSessionGrainTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Events_in_order_walk_the_session_to_completed()
    {
        var m = Merchant();
        var grain = cluster.Grains.GetGrain<ICheckoutSessionGrain>(SessionKey.For(m, "s1"));
        var result = await grain.ApplyAsync([
            Event(m, "s1", CheckoutEventType.CheckoutStarted, 0),
            Event(m, "s1", CheckoutEventType.PaymentSubmitted, 5),
            Event(m, "s1", CheckoutEventType.PaymentSucceeded, 7),
            Event(m, "s1", CheckoutEventType.CheckoutCompleted, 8)]);

        Assert.All(result.Duplicate, d => Assert.False(d));
        Assert.Equal(0, result.InFlightDelta);
        var view = await grain.GetAsync();
        Assert.True(view.Completed);
        Assert.Equal("Succeeded", view.PaymentState);
        Assert.Equal(1, view.PaymentAttempts);
        Assert.Equal(2500, view.AmountMinor);
        Assert.Null(view.StuckDeadline);
    }

    [Fact]
    public async Task Out_of_order_events_keep_the_latest_payment_state()
    {
        var m = Merchant();
        var grain = cluster.Grains.GetGrain<ICheckoutSessionGrain>(SessionKey.For(m, "s1"));
        await grain.ApplyAsync([Event(m, "s1", CheckoutEventType.PaymentSucceeded, 10)]);
        var late = await grain.ApplyAsync([
            Event(m, "s1", CheckoutEventType.PaymentSubmitted, 5),
            Event(m, "s1", CheckoutEventType.CheckoutStarted, 0)]);

        var view = await grain.GetAsync();
        Assert.Equal("Succeeded", view.PaymentState);
        Assert.Null(view.StuckDeadline);
        Assert.True(view.Started);
        Assert.Equal(0, late.InFlightDelta);
    }

    [Fact]
    public async Task Duplicates_are_recognised_within_a_batch_and_across_batches()
    {
        var m = Merchant();
        var grain = cluster.Grains.GetGrain<ICheckoutSessionGrain>(SessionKey.For(m, "s1"));
        var started = Event(m, "s1", CheckoutEventType.CheckoutStarted, 0, id: "a");
        var first = await grain.ApplyAsync([started, started]);
        var second = await grain.ApplyAsync([started, Event(m, "s1", CheckoutEventType.PaymentSubmitted, 1, id: "b")]);

        Assert.Equal([false, true], first.Duplicate);
        Assert.Equal([true, false], second.Duplicate);
        Assert.Equal(1, first.InFlightDelta);
        Assert.Equal(2, (await grain.GetAsync()).EventCount);
    }

    [Fact]
    public async Task Submitted_payment_has_a_stuck_deadline_sixty_seconds_later()
    {
        var m = Merchant();
        var grain = cluster.Grains.GetGrain<ICheckoutSessionGrain>(SessionKey.For(m, "s1"));
        var now = (int)(cluster.Clock.GetUtcNow() - ClusterFixture.Start).TotalSeconds;
        await grain.ApplyAsync([Event(m, "s1", CheckoutEventType.PaymentSubmitted, now + 3)]);
        Assert.Equal(ClusterFixture.Start.AddSeconds(now + 63), (await grain.GetAsync()).StuckDeadline);
    }

    [Fact]
    public void Session_keys_round_trip_and_reject_garbage()
    {
        Assert.Equal(("shop", "a/b"), SessionKey.Parse(SessionKey.For("shop", "a/b")));
        Assert.Throws<ArgumentException>(() => SessionKey.Parse("no-slash"));
    }
}
