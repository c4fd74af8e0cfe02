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

    [Fact]
    public void False_alarm_budget_counts_the_hours_chances()
    {
        // 1e-4 a merchant-hour over 3,600 CUSUM steps: h = ln(3.6e7).
        Assert.Equal(17.399, FalseAlarmBudget.CusumThreshold(1e-4), 3);
        // Silence at 0.4/s: 1,440 gaps an hour.
        Assert.Equal(Math.Log(1_440 / 1e-4), FalseAlarmBudget.SilenceNats(0.4, 1e-4), 9);
        // A 42 s window at 1/s entering {≤ 16}: 3,600 · P(X = 17 | 42) ≈ 1 per 44 hours; {≤ 10} ≈ 1 per 27,000.
        Assert.Equal(0.0229, FalseAlarmBudget.WindowEntriesPerHour(16, 42, 1), 4);
        Assert.InRange(1 / FalseAlarmBudget.WindowEntriesPerHour(10, 42, 1), 26_000, 28_000);
        Assert.Equal(Math.Exp(-2) * 8, Math.Exp(PoissonTail.LogProbability(3, 2)) * 6, 12);
    }
}
