using CheckoutWatch.Detection.Events;
using CheckoutWatch.Server.Demo;

namespace CheckoutWatch.Server.Tests.Demo;

/// <summary>The demo traffic gives agents work: every outreach reason occurs, with contact data to reach the customer.</summary>
public sealed class DemoOutreachTests
{
    [Fact]
    public void Demo_traffic_has_repeated_failures_duplicate_charges_and_hanging_challenges_with_customer_data()
    {
        var model = new DemoTrafficModel(merchantCount: 8, seed: 7);
        var start = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        var events = new List<CheckoutEvent>();
        for (var second = 0; second < 600; second++)
        {
            var now = start.AddSeconds(second);
            if (second % 60 == 0)
            {
                model.StartIncident(now.AddSeconds(50));
            }

            model.StartSessions(20, now);
            events.AddRange(model.Due(now));
        }

        var sessions = events.GroupBy(e => e.SessionId).ToList();
        Assert.Contains(sessions, s => s.Count(e => e.Type == CheckoutEventType.PaymentSucceeded) >= 2);
        Assert.Contains(sessions, s => s.Count(e => e.Type == CheckoutEventType.PaymentFailed) >= 3 && s.All(e => e.Type != CheckoutEventType.PaymentSucceeded));
        // A challenge that never answers leaves the session stuck at payment.
        Assert.Contains(sessions, s => s.Last().Type == CheckoutEventType.PaymentActionRequired);
        Assert.All(sessions.Select(s => s.First()), first => Assert.NotNull(first.Customer?.Email));
    }
}
