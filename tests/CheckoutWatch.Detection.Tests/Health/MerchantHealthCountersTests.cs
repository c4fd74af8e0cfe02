using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Health;

namespace CheckoutWatch.Detection.Tests.Health;

public sealed class MerchantHealthCountersTests
{
    private static readonly DateTimeOffset _t0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static CheckoutEvent E(CheckoutEventType type, string psp = "stripe", string? decline = null) =>
        new(Guid.NewGuid().ToString(), "shop", "s", type, _t0)
        {
            Psp = psp,
            PaymentMethod = "card",
            DeclineCode = decline,
            FailureKind = type == CheckoutEventType.PaymentFailed ? FailureKind.Declined : FailureKind.None,
        };

    [Fact]
    public void Success_rate_over_one_and_five_minutes()
    {
        var c = new MerchantHealthCounters("shop");
        c.Record(E(CheckoutEventType.PaymentFailed), _t0.AddMinutes(-3));
        c.Record(E(CheckoutEventType.PaymentSucceeded), _t0.AddSeconds(-10));
        c.Record(E(CheckoutEventType.PaymentSucceeded), _t0.AddSeconds(-5));
        var f = c.Snapshot(_t0);
        Assert.Equal(1.0, f.LastMinute.SuccessRate);
        Assert.Equal(2.0 / 3, f.LastFiveMinutes.SuccessRate!.Value, 6);
    }

    [Fact]
    public void Counts_older_than_five_minutes_fall_out()
    {
        var c = new MerchantHealthCounters("shop");
        c.Record(E(CheckoutEventType.PaymentSucceeded), _t0);
        Assert.Equal(0, c.Snapshot(_t0.AddMinutes(5)).LastFiveMinutes.Outcomes);
        Assert.Null(c.Snapshot(_t0.AddMinutes(5)).LastFiveMinutes.SuccessRate);
    }

    [Fact]
    public void History_has_thirty_ten_second_points_oldest_first()
    {
        var c = new MerchantHealthCounters("shop");
        c.Record(E(CheckoutEventType.PaymentSucceeded), _t0.AddSeconds(-25));
        var h = c.Snapshot(_t0).History;
        Assert.Equal(30, h.Count);
        Assert.True(h[0].At < h[^1].At);
        Assert.Equal(1, h.Sum(p => p.Outcomes));
    }

    [Fact]
    public void Breakdown_by_psp_and_decline_code()
    {
        var c = new MerchantHealthCounters("shop");
        c.Record(E(CheckoutEventType.PaymentFailed, "adyen", "91"), _t0);
        c.Record(E(CheckoutEventType.PaymentSucceeded, "adyen"), _t0);
        c.Record(E(CheckoutEventType.PaymentSucceeded, "stripe"), _t0);
        var psps = c.Breakdown(BreakdownDimension.Psp, _t0);
        Assert.Equal(new OutcomeCounts(0, 0, 1, 1), psps.Single(r => r.Value == "adyen").Counts);
        Assert.Equal("91", Assert.Single(c.Breakdown(BreakdownDimension.DeclineCode, _t0)).Value);
    }

    [Fact]
    public void Too_many_distinct_values_are_folded_into_other()
    {
        var c = new MerchantHealthCounters("shop");
        for (var i = 0; i < MerchantHealthCounters.MaxValuesPerDimension + 10; i++)
        {
            c.Record(E(CheckoutEventType.PaymentSucceeded, $"psp-{i}"), _t0);
        }

        var rows = c.Breakdown(BreakdownDimension.Psp, _t0);
        Assert.Equal(MerchantHealthCounters.MaxValuesPerDimension + 1, rows.Count);
        Assert.Equal(10, rows.Single(r => r.Value == MerchantHealthCounters.OtherValue).Counts.Successes);
    }

    [Fact]
    public void In_flight_never_goes_negative()
    {
        var c = new MerchantHealthCounters("shop");
        c.AddInFlight(2);
        c.AddInFlight(-5);
        Assert.Equal(0, c.InFlightSessions);
    }

    [Fact]
    public void Ring_ignores_counts_older_than_its_span_and_sums_windows()
    {
        var ring = new SecondRing(10);
        ring.Add(_t0, new OutcomeCounts(1, 0, 0, 0));
        ring.Add(_t0.AddSeconds(5), new OutcomeCounts(1, 0, 0, 0));
        ring.Add(_t0.AddSeconds(-20), new OutcomeCounts(100, 0, 0, 0));
        Assert.Equal(2, ring.Sum(10).Started);
        Assert.Equal(1, ring.Sum(3).Started);
        ring.AdvanceTo(_t0.AddSeconds(12));
        Assert.Equal(1, ring.Sum(10).Started);
    }
}
