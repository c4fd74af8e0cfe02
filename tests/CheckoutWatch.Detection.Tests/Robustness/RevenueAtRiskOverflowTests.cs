using CheckoutWatch.Detection.Detectors;
using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Detection.Tests.Robustness;

/// <summary>Revenue at risk sums amounts of up to long.MaxValue each: it saturates instead of wrapping negative.</summary>
public sealed class RevenueAtRiskOverflowTests
{
    [Fact]
    public void Sessions_at_long_max_value_sum_to_long_max_value_not_a_negative_number()
    {
        var tally = new IncidentTally(maxSessions: 100);

        for (var i = 0; i < 3; i++)
        {
            tally.Add($"s{i}", long.MaxValue - i, "EUR", "51", FailureKind.Declined);
        }

        Assert.Equal(3, tally.Sessions);
        Assert.Equal(("EUR", long.MaxValue), tally.MajorityRevenue());
        Assert.Equal(long.MaxValue, tally.RevenueByCurrency["EUR"]);
    }

    [Theory]
    [InlineData(0L, 0L, 0L)]
    [InlineData(1L, 2L, 3L)]
    [InlineData(long.MaxValue, 0L, long.MaxValue)]
    [InlineData(long.MaxValue - 5, 5L, long.MaxValue)]
    [InlineData(long.MaxValue - 5, 6L, long.MaxValue)]
    [InlineData(long.MaxValue, long.MaxValue, long.MaxValue)]
    public void Saturating_add_is_exact_below_the_maximum_and_stops_at_it(long total, long amount, long expected) =>
        Assert.Equal(expected, IncidentTally.SaturatingAdd(total, amount));
}
