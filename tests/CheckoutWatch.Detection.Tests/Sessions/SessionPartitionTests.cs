using CheckoutWatch.Detection.Events;
using CheckoutWatch.Detection.Sessions;
using Microsoft.Extensions.Time.Testing;

namespace CheckoutWatch.Detection.Tests.Sessions;

public sealed class SessionPartitionTests
{
    private static readonly DateTimeOffset _t0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(_t0);
    private readonly List<SessionFinding> _findings = [];
    private readonly Dictionary<string, int> _deltas = [];
    private int _ids;

    private CheckoutEvent E(string session, CheckoutEventType type, double second, string merchant = "shop", string? method = "card", string? id = null) =>
        new(id ?? $"e{++_ids}", merchant, session, type, _t0.AddSeconds(second)) { AmountMinor = 1999, Currency = "EUR", Psp = "adyen", PaymentMethod = method };

    private void Run(SessionPartition partition, TimeSpan by)
    {
        for (var passed = TimeSpan.Zero; passed < by; passed += SessionPartition.Resolution)
        {
            _clock.Advance(SessionPartition.Resolution);
            partition.Advance(_clock.GetUtcNow(), _findings, _deltas);
        }
    }

    [Fact]
    public void Stuck_payment_is_found_within_five_seconds_of_its_deadline_and_only_once()
    {
        var partition = new SessionPartition(SessionTimeouts.Default);
        partition.Apply(E("s1", CheckoutEventType.PaymentSubmitted, 0), _clock.GetUtcNow());

        Run(partition, TimeSpan.FromSeconds(59));
        Assert.Empty(_findings);
        Run(partition, TimeSpan.FromSeconds(5));
        var stuck = Assert.Single(_findings);
        Assert.Equal(SessionFindingKind.SessionStuck, stuck.Kind);
        Assert.InRange(stuck.DetectedAt - _t0, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(65));

        // After the report the session's next wake-up is its idle expiry, not a tick each second.
        Run(partition, TimeSpan.FromMinutes(10));
        Assert.Single(_findings);
        Assert.Equal(1, partition.PendingDeadlines);
    }

    [Fact]
    public void Deadlines_follow_the_merchant_and_the_payment_method()
    {
        var timeouts = SessionTimeouts.Default with
        {
            ByMerchant = new Dictionary<string, SessionTimeouts>
            {
                ["slow"] = SessionTimeouts.Default with
                {
                    PaymentSubmitted = TimeSpan.FromMinutes(5),
                    SubmittedByMethod = new Dictionary<string, TimeSpan>(StringComparer.OrdinalIgnoreCase) { ["ideal"] = TimeSpan.FromMinutes(20) },
                },
            },
        };
        var partition = new SessionPartition(timeouts);
        var now = _clock.GetUtcNow();
        partition.Apply(E("a", CheckoutEventType.PaymentSubmitted, 0), now);
        partition.Apply(E("b", CheckoutEventType.PaymentSubmitted, 0, merchant: "slow"), now);
        partition.Apply(E("c", CheckoutEventType.PaymentSubmitted, 0, merchant: "slow", method: "ideal"), now);

        Run(partition, TimeSpan.FromSeconds(62));
        Assert.Equal(["a"], _findings.Select(f => f.SessionId));
        Run(partition, TimeSpan.FromMinutes(4));
        Assert.Equal(["a", "b"], _findings.Select(f => f.SessionId));
        Run(partition, TimeSpan.FromMinutes(15));
        Assert.Equal(["a", "b", "c"], _findings.Select(f => f.SessionId));
        Assert.Equal(TimeSpan.FromMinutes(20), timeouts.For("slow").SubmittedTimeoutFor("IDEAL"));
        Assert.Same(timeouts, timeouts.For("anyone-else"));
    }

    [Fact]
    public void Idle_session_closes_after_thirty_minutes_and_is_forgotten_fifteen_minutes_later()
    {
        var partition = new SessionPartition(SessionTimeouts.Default);
        Assert.Equal(1, partition.Apply(E("s1", CheckoutEventType.CheckoutStarted, 0, id: "start"), _clock.GetUtcNow()).InFlightDelta);

        Run(partition, TimeSpan.FromMinutes(29));
        Assert.Empty(_deltas);
        Run(partition, TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(2));
        Assert.Equal(-1, _deltas["shop"]);
        Assert.True(partition.Find("shop", "s1")!.Abandoned);

        // Still a duplicate within the retention, then gone.
        Assert.True(partition.Apply(E("s1", CheckoutEventType.CheckoutStarted, 0, id: "start"), _clock.GetUtcNow()).Duplicate);
        Run(partition, TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(2));
        Assert.Null(partition.Find("shop", "s1"));
        Assert.Equal(0, partition.Count);
        Assert.Equal(0, partition.PendingDeadlines);
    }

    [Fact]
    public void Events_keep_a_session_alive_and_many_sessions_share_one_wheel()
    {
        var partition = new SessionPartition(SessionTimeouts.Default);
        for (var i = 0; i < 1000; i++)
        {
            partition.Apply(E($"s{i}", CheckoutEventType.CheckoutStarted, 0), _clock.GetUtcNow());
        }

        Run(partition, TimeSpan.FromMinutes(20));
        for (var i = 0; i < 500; i++)
        {
            partition.Apply(E($"s{i}", CheckoutEventType.CheckoutStarted, 1200), _clock.GetUtcNow());
        }

        Run(partition, TimeSpan.FromMinutes(11));
        Assert.Equal(-500, _deltas["shop"]);
        Assert.True(partition.Find("shop", "s0")!.InFlight);
        Assert.False(partition.Find("shop", "s999")!.InFlight);
        Run(partition, TimeSpan.FromMinutes(20));
        Assert.Equal(-1000, _deltas["shop"]);
        // The first 500 closed at minute 30 and were forgotten at minute 45; the others are retained.
        Assert.Equal(500, partition.Count);
        Assert.Null(partition.Find("shop", "s999"));
    }

    [Fact]
    public void A_full_session_refuses_new_events_and_a_completed_one_leaves_the_in_flight_count()
    {
        var partition = new SessionPartition(SessionTimeouts.Default with { MaxEventsPerSession = 16 });
        var now = _clock.GetUtcNow();
        for (var i = 0; i < 16; i++)
        {
            Assert.False(partition.Apply(E("s1", CheckoutEventType.PaymentFailed, i), now).Refused);
        }

        Assert.True(partition.Apply(E("s1", CheckoutEventType.PaymentFailed, 17), now).Refused);
        Assert.Equal(1, partition.Apply(E("s2", CheckoutEventType.CheckoutStarted, 0), now).InFlightDelta);
        Assert.Equal(-1, partition.Apply(E("s2", CheckoutEventType.CheckoutCompleted, 1), now).InFlightDelta);
    }
}
