using System.Diagnostics.Metrics;
using CheckoutWatch.Abstractions.Grains;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Sessions;
using CheckoutWatch.Grains.Diagnostics;
using CheckoutWatch.Grains.Tests.Infrastructure;
using static CheckoutWatch.Grains.Tests.TestEvents;

namespace CheckoutWatch.Grains.Tests.Sessions;

[Collection(ClusterCollection.Name)]
public sealed class StuckSessionTimerTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Stuck_payment_is_reported_within_five_seconds_once_and_its_deadline_then_rests()
    {
        long ticks = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == GrainMetrics.MeterName && instrument.Name == "checkoutwatch.session.wakeups")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref ticks, value));
        listener.Start();

        var m = Merchant();
        var now = (int)(cluster.Clock.GetUtcNow() - ClusterFixture.Start).TotalSeconds;
        await PartitionOf(cluster, m, "stuck").ApplyAsync([Event(m, "stuck", CheckoutEventType.PaymentSubmitted, now)]);

        // Not before the deadline ...
        await cluster.AdvanceAsync(TimeSpan.FromSeconds(59));
        await Task.Delay(50);
        var merchant = cluster.Grains.GetGrain<IMerchantGrain>(m);
        Assert.Empty(await merchant.GetRecentFindingsAsync());

        // ... and within five seconds of it.
        await cluster.AdvanceAsync(TimeSpan.FromSeconds(5));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await merchant.GetRecentFindingsAsync()).Length == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "no stuck finding within 10 s");
            await Task.Delay(20);
        }

        var afterReport = Interlocked.Read(ref ticks);
        await cluster.AdvanceAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(50);

        var finding = Assert.Single(await merchant.GetRecentFindingsAsync());
        Assert.Equal(SessionFindingKind.SessionStuck, finding.Kind);
        Assert.Equal(PaymentState.Submitted, finding.StuckIn);
        // Other tests' sessions share the meter; a spinning timer would add thousands of ticks.
        Assert.True(Interlocked.Read(ref ticks) - afterReport < 50, $"session deadlines woke {Interlocked.Read(ref ticks) - afterReport} times in 5 quiet seconds");
    }
}
