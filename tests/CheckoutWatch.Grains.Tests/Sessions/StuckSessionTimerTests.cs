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
    public async Task Stuck_payment_is_reported_once_and_its_timer_then_rests()
    {
        long ticks = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == GrainMetrics.MeterName && instrument.Name == "checkoutwatch.session.timer_ticks")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref ticks, value));
        listener.Start();

        var m = Merchant();
        var now = (int)(cluster.Clock.GetUtcNow() - ClusterFixture.Start).TotalSeconds;
        await cluster.Grains.GetGrain<ICheckoutSessionGrain>(SessionKey.For(m, "stuck"))
            .ApplyAsync([Event(m, "stuck", CheckoutEventType.PaymentSubmitted, now)]);

        await cluster.AdvanceAsync(TimeSpan.FromSeconds(62));
        var merchant = cluster.Grains.GetGrain<IMerchantGrain>(m);
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
        Assert.True(Interlocked.Read(ref ticks) - afterReport < 50, $"session timers ticked {Interlocked.Read(ref ticks) - afterReport} times in 5 quiet seconds");
    }
}
