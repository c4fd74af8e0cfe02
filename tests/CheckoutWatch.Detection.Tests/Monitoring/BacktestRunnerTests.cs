using CheckoutWatch.Detection.Alerts;
using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Knowledge;
using CheckoutWatch.Detection.Monitoring;
using CheckoutWatch.Detection.Sessions;
using CheckoutWatch.Detection.Tests.Simulation;

namespace CheckoutWatch.Detection.Tests.Monitoring;

public sealed class BacktestRunnerTests
{
    private static readonly DateTimeOffset _t0 = Simulator.Epoch;

    [Fact]
    public void Replay_of_a_log_with_a_psp_outage_and_stuck_payments_finds_both_with_their_curves()
    {
        var events = Log(seed: 3).ToList();
        var shuffled = events.OrderBy(_ => Guid.NewGuid()).Concat(events.Take(50)).ToList();
        var runner = new BacktestRunner(DetectionOptions.Default, KnowledgeBase.LoadDefault(), SessionTimeouts.Default);

        var result = runner.Run(shuffled);

        Assert.Equal(50, result.Duplicates);
        var spike = Assert.Single(result.Alerts, a => a.Alert.Kind == AlertKind.PaymentFailureSpike);
        Assert.Equal(new AlertDimension(DimensionKind.Psp, "adyen"), spike.Alert.Dimension);
        Assert.NotNull(spike.ResolvedAt);
        Assert.InRange(spike.Delay, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Contains(result.Alerts, a => a.Alert.Kind == AlertKind.StuckSessions);
        Assert.Contains(result.Findings, f => f.Kind == SessionFindingKind.SessionStuck);
        var curve = result.Curves[BacktestResult.CurveKey(spike.Alert)];
        Assert.True(curve.Count > 100);
        Assert.Contains(curve, p => p.ActionableFailures > 0);
    }

    [Fact]
    public void Empty_log_gives_an_empty_result()
    {
        var result = new BacktestRunner(DetectionOptions.Default, KnowledgeBase.LoadDefault(), SessionTimeouts.Default).Run([]);

        Assert.Empty(result.Alerts);
        Assert.Equal(0, result.Events);
    }

    /// <summary>
    /// Fifteen minutes of full sessions at 20 checkouts/s; from minute 8 to 11 adyen fails 40 % of
    /// payments technically, and from minute 9 a tenth of stripe's payments never get an answer.
    /// </summary>
    private static IEnumerable<CheckoutEvent> Log(int seed)
    {
        var rng = new Random(seed);
        var id = 0;
        for (var second = 0; second < 900; second++)
        {
            for (var i = 0; i < 20; i++)
            {
                var session = $"s{id}";
                var start = _t0.AddSeconds(second + rng.NextDouble());
                var psp = rng.NextDouble() < 0.5 ? "adyen" : "stripe";
                yield return new CheckoutEvent($"e{id}a", "m1", session, CheckoutEventType.CheckoutStarted, start) { AmountMinor = 2_500, Currency = "EUR" };
                var pay = start.AddSeconds(20 + rng.Next(20));
                yield return Payment($"e{id}b", session, CheckoutEventType.PaymentSubmitted, pay, psp);
                var incident = pay >= _t0.AddMinutes(8) && pay < _t0.AddMinutes(11);
                if (psp == "stripe" && pay >= _t0.AddMinutes(9) && rng.NextDouble() < 0.1)
                {
                    id++;
                    continue;
                }

                var declined = rng.NextDouble() < 0.04;
                var timedOut = !declined && incident && psp == "adyen" && rng.NextDouble() < 0.375;
                var failed = declined || timedOut;
                var outcome = pay.AddSeconds(1 + rng.NextDouble());
                yield return failed
                    ? Payment($"e{id}c", session, CheckoutEventType.PaymentFailed, outcome, psp) with { FailureKind = timedOut ? FailureKind.Timeout : FailureKind.Declined, DeclineCode = timedOut ? null : "51" }
                    : Payment($"e{id}c", session, CheckoutEventType.PaymentSucceeded, outcome, psp);
                if (!failed) yield return new CheckoutEvent($"e{id}d", "m1", session, CheckoutEventType.CheckoutCompleted, outcome.AddSeconds(1));
                id++;
            }
        }
    }

    private static CheckoutEvent Payment(string id, string session, CheckoutEventType type, DateTimeOffset at, string psp) =>
        new(id, "m1", session, type, at) { AmountMinor = 2_500, Currency = "EUR", Psp = psp, PaymentMethod = "card", CardNetwork = "visa" };
}
