using System.Collections.Immutable;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Grains.Tests.Infrastructure;
using static CheckoutWatch.Grains.Tests.TestEvents;

namespace CheckoutWatch.Grains.Tests.Sessions;

[Collection(ClusterCollection.Name)]
public sealed class SessionPartitionGrainTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Events_in_order_walk_the_session_to_completed()
    {
        var m = Merchant();
        var grain = PartitionOf(cluster, m, "s1");
        var result = await grain.ApplyAsync([
            Event(m, "s1", CheckoutEventType.CheckoutStarted, 0),
            Event(m, "s1", CheckoutEventType.PaymentSubmitted, 5),
            Event(m, "s1", CheckoutEventType.PaymentSucceeded, 7),
            Event(m, "s1", CheckoutEventType.CheckoutCompleted, 8)]);

        Assert.All(result.Duplicate, d => Assert.False(d));
        Assert.Equal(0, result.InFlightDelta.Sum(d => d));
        var view = (await grain.GetSessionAsync(m, "s1"))!;
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
        var grain = PartitionOf(cluster, m, "s1");
        await grain.ApplyAsync([Event(m, "s1", CheckoutEventType.PaymentSucceeded, 10)]);
        var late = await grain.ApplyAsync([
            Event(m, "s1", CheckoutEventType.PaymentSubmitted, 5),
            Event(m, "s1", CheckoutEventType.CheckoutStarted, 0)]);

        var view = (await grain.GetSessionAsync(m, "s1"))!;
        Assert.Equal("Succeeded", view.PaymentState);
        Assert.Null(view.StuckDeadline);
        Assert.True(view.Started);
        Assert.Equal(0, late.InFlightDelta.Sum(d => d));
    }

    [Fact]
    public async Task Duplicates_are_recognised_within_a_batch_and_across_batches()
    {
        var m = Merchant();
        var grain = PartitionOf(cluster, m, "s1");
        var started = Event(m, "s1", CheckoutEventType.CheckoutStarted, 0, id: "a");
        var first = await grain.ApplyAsync([started, started]);
        var second = await grain.ApplyAsync([started, Event(m, "s1", CheckoutEventType.PaymentSubmitted, 1, id: "b")]);

        Assert.Equal([false, true], first.Duplicate);
        Assert.Equal([true, false], second.Duplicate);
        Assert.Equal([1, 0], first.InFlightDelta);
        Assert.Equal(2, (await grain.GetSessionAsync(m, "s1"))!.EventCount);
    }

    [Fact]
    public async Task Submitted_payment_has_a_stuck_deadline_sixty_seconds_later()
    {
        var m = Merchant();
        var grain = PartitionOf(cluster, m, "s1");
        var now = (int)(cluster.Clock.GetUtcNow() - ClusterFixture.Start).TotalSeconds;
        await grain.ApplyAsync([Event(m, "s1", CheckoutEventType.PaymentSubmitted, now + 3)]);
        Assert.Equal(ClusterFixture.Start.AddSeconds(now + 63), (await grain.GetSessionAsync(m, "s1"))!.StuckDeadline);
    }

    [Fact]
    public async Task Sessions_of_one_partition_share_a_call_and_keep_apart()
    {
        var m = Merchant();
        var (a, b) = TwoSessionsInOnePartition(m);
        var grain = PartitionOf(cluster, m, a);
        var result = await grain.ApplyAsync([
            Event(m, a, CheckoutEventType.CheckoutStarted, 0, id: "same"),
            Event(m, b, CheckoutEventType.CheckoutStarted, 0, id: "same"),
            Event(m, a, CheckoutEventType.CheckoutCompleted, 1)]);

        // The same event id in two sessions is two events; the second session stays in flight.
        Assert.Equal([false, false, false], result.Duplicate);
        Assert.Equal([1, 1, -1], result.InFlightDelta);
        Assert.True((await grain.GetSessionAsync(m, a))!.Completed);
        Assert.False((await grain.GetSessionAsync(m, b))!.Completed);
        Assert.Null(await grain.GetSessionAsync(m, "never-seen"));
    }

    [Fact]
    public async Task A_closed_session_recognises_duplicates_for_fifteen_minutes_then_is_forgotten()
    {
        var m = Merchant();
        var grain = PartitionOf(cluster, m, "closed");
        var completed = Event(m, "closed", CheckoutEventType.CheckoutCompleted, 0, id: "done");
        await grain.ApplyAsync([completed]);

        await cluster.AdvanceAsync(TimeSpan.FromMinutes(14));
        var again = await grain.ApplyAsync([completed]);
        Assert.Equal([true], again.Duplicate);

        // The duplicate renewed the retention: it ends fifteen minutes after it.
        await cluster.AdvanceAsync(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(3));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await grain.GetSessionAsync(m, "closed") is not null)
        {
            Assert.True(DateTime.UtcNow < deadline, "closed session still held 15 minutes after its last event");
            await Task.Delay(20);
        }

        var afterRetention = await grain.ApplyAsync([completed]);
        Assert.Equal([false], afterRetention.Duplicate);
    }

    [Fact]
    public void Partition_index_is_stable_and_in_range()
    {
        Assert.Equal(SessionPartitions.IndexOf("shop", "a/b", 32), SessionPartitions.IndexOf("shop", "a/b", 32));
        Assert.All(Enumerable.Range(0, 1000), i => Assert.InRange(SessionPartitions.IndexOf("shop", $"s{i}", 7), 0, 6));
        Assert.Equal(7, Enumerable.Range(0, 1000).Select(i => SessionPartitions.IndexOf("shop", $"s{i}", 7)).Distinct().Count());
        Assert.NotEqual(SessionPartitions.IndexOf("ab", "c", 1 << 20), SessionPartitions.IndexOf("a", "bc", 1 << 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => SessionPartitions.IndexOf("shop", "s", 0));
    }

    private static (string A, string B) TwoSessionsInOnePartition(string m)
    {
        var first = SessionPartitions.IndexOf(m, "s0", SessionPartitions.DefaultCount);
        var other = Enumerable.Range(1, 10_000).Select(i => $"s{i}")
            .First(s => SessionPartitions.IndexOf(m, s, SessionPartitions.DefaultCount) == first);
        return ("s0", other);
    }
}
