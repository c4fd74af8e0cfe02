using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Abstractions.Ingest;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Grains.Tests.Infrastructure;
using static CheckoutWatch.Grains.Tests.TestEvents;

namespace CheckoutWatch.Grains.Tests.Merchants;

[Collection(ClusterCollection.Name)]
public sealed class IngestFlowTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Buffered_batches_reach_the_merchant_after_a_flush()
    {
        var m = Merchant();
        var buffer = cluster.Grains.GetGrain<IIngestBufferGrain>(0);
        var now = (int)(cluster.Clock.GetUtcNow() - ClusterFixture.Start).TotalSeconds;
        await buffer.AddAsync(new MerchantBatch(m, [Event(m, "a", CheckoutEventType.CheckoutStarted, now)], 1));
        await buffer.AddAsync(new MerchantBatch(m, [Event(m, "b", CheckoutEventType.CheckoutStarted, now)], 1));
        await buffer.FlushAsync();

        var breakdown = await cluster.Grains.GetGrain<IMerchantGrain>(m).GetBreakdownAsync();
        Assert.Equal(2, breakdown.CheckoutsStarted);
        Assert.Equal(2, breakdown.InFlightSessions);
    }

    [Fact]
    public async Task Idle_session_is_closed_after_thirty_minutes_and_leaves_the_in_flight_count()
    {
        var m = Merchant();
        var now = (int)(cluster.Clock.GetUtcNow() - ClusterFixture.Start).TotalSeconds;
        var session = PartitionOf(cluster, m, "idle");
        var result = await session.ApplyAsync([Event(m, "idle", CheckoutEventType.CheckoutStarted, now)]);
        var buffer = cluster.Grains.GetGrain<IIngestBufferGrain>(0);
        await buffer.AddAsync(new MerchantBatch(m, [], result.InFlightDelta.Sum(d => d)));
        await buffer.FlushAsync();
        Assert.Equal(1, (await cluster.Grains.GetGrain<IMerchantGrain>(m).GetBreakdownAsync()).InFlightSessions);

        await cluster.AdvanceAsync(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(2));
        await WaitUntilAsync(async () =>
        {
            await buffer.FlushAsync();
            return (await cluster.Grains.GetGrain<IMerchantGrain>(m).GetBreakdownAsync()).InFlightSessions == 0;
        });
        Assert.True((await session.GetSessionAsync(m, "idle"))!.Abandoned);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 10 s");
            await Task.Delay(20);
        }
    }
}
