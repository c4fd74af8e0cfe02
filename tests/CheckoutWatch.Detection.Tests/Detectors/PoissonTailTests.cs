using CheckoutWatch.Detection.Detectors;

namespace CheckoutWatch.Detection.Tests.Detectors;

public sealed class PoissonTailTests
{
    [Theory]
    [InlineData(0, 10.0, -10.0)]
    [InlineData(16, 42.0, -12.4106)]
    [InlineData(14, 40.0, -13.1346)]
    [InlineData(8, 8.0, -0.5233)]
    public void Lower_tail_matches_reference_values(long k, double lambda, double expected) =>
        Assert.Equal(expected, PoissonTail.LogLowerTail(k, lambda), 2);

    [Fact]
    public void Lower_tail_agrees_with_direct_summation_and_stays_finite_at_high_volume()
    {
        double direct = 0, term = Math.Exp(-30);
        for (var j = 0; j <= 12; j++)
        {
            direct += term;
            term *= 30.0 / (j + 1);
        }

        Assert.Equal(Math.Log(direct), PoissonTail.LogLowerTail(12, 30), 9);
        var far = PoissonTail.LogLowerTail(16_000, 40_000);
        Assert.True(far < -5_000 && double.IsFinite(far));
        Assert.Equal(0, PoissonTail.LogLowerTail(5, 0));
    }
}
