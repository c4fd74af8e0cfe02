using System.Diagnostics;
using System.Text.Json;
using CheckoutWatch.Cluster.Tests.Infrastructure;

namespace CheckoutWatch.Cluster.Tests;

/// <summary>
/// Notifications pending while their receiver fails survive the whole cluster being SIGKILLed and
/// restarted on the same Redis: once the receiver accepts, every transition reaches every target
/// exactly once — none lost, none sent again after it was accepted (issues #6, #7).
/// </summary>
[Collection("notifications")]
public sealed class NotificationDeliveryTests(NotifyingClusterFixture cluster, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<NotifyingClusterFixture>
{
    private static readonly string[] Targets = ["primary", "pager"];

    /// <summary>The reminder that resumes a notifier fires once a minute; the nodes need a few seconds to start.</summary>
    private static readonly TimeSpan DeliveredWithin = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Deliveries_pending_when_every_node_is_killed_are_delivered_exactly_once_per_target_after_the_restart()
    {
        var receiver = cluster.Receiver;
        var total = Stopwatch.StartNew();
        // Two real incidents that page, one detected through each node; the receiver answers 503 to everything.
        var alerts = await Task.WhenAll(
            Incidents.DriveAsync(cluster, cluster.A, TestEvents.NewMerchant("notify"), paging: true),
            Incidents.DriveAsync(cluster, cluster.B, TestEvents.NewMerchant("notify"), paging: true));
        var (acknowledged, resolved) = (alerts[0], alerts[1]);
        output.WriteLine($"incidents at {total.Elapsed}");
        await WaitRetriedAsync(alerts.Select(a => (a, "trigger")));

        // Acted on while nothing gets through: these transitions are pending behind the triggers.
        output.WriteLine($"triggers retried at {total.Elapsed}");
        await Incidents.ActAsync(cluster, cluster.B, acknowledged, "acknowledge", "oncall-while-failing");
        await Incidents.ActAsync(cluster, cluster.A, resolved, "resolve", "oncall-while-failing");
        await WaitRetriedAsync([(acknowledged, "acknowledge"), (resolved, "resolve")]);
        Assert.DoesNotContain(receiver.Requests, r => r.Accepted);

        // Every node dies at once, mid-retry; two new ones start on the same Redis, then the receiver heals.
        output.WriteLine($"kill at {total.Elapsed}");
        await cluster.KillAndRestartAllAsync();
        output.WriteLine($"restarted at {total.Elapsed}");
        var restarted = Stopwatch.StartNew();
        receiver.Accept();

        // Nobody touches the alerts again: the notifiers' reminders resume what was pending.
        var expected = alerts.SelectMany(a => Targets.Select(t => (a, t, "trigger")))
            .Concat(Targets.Select(t => (acknowledged, t, "acknowledge")))
            .Concat(Targets.Select(t => (resolved, t, "resolve")))
            .ToHashSet();
        await PollAsync(() => expected.All(e => receiver.Requests.Any(r => r.Accepted && (r.AlertId, r.Target, r.Event) == e))
            && receiver.Requests.GroupBy(r => r.Identity).All(g => g.Any(r => r.Accepted)), DeliveredWithin,
            () => $"every pending transition to be delivered after the restart ({Describe(receiver)})\n{cluster.Logs()}");
        var deliveredAfter = restarted.Elapsed;
        output.WriteLine($"delivered at {total.Elapsed}");

        // The alerts say so too, and a few retry periods later nothing more has been sent.
        foreach (var id in alerts)
        {
            await PollAsync(async () => await DeliveryOfAsync(id) is { } d && d.GetProperty("state").GetString() == "delivered",
                TimeSpan.FromSeconds(10), () => $"{id}'s delivery to read delivered");
            var delivery = await DeliveryOfAsync(id);
            Assert.Equal(4, delivery!.Value.GetProperty("delivered").GetInt32());
            Assert.Equal(0, delivery.Value.GetProperty("pending").GetInt32());
            Assert.Equal(0, delivery.Value.GetProperty("failed").GetInt32());
        }

        await PollAsync(() => false, TimeSpan.FromSeconds(3), () => "", throwOnTimeout: false);
        var requests = receiver.Requests;
        Assert.All(requests, r => Assert.True(r.Signed, $"{r.Identity} arrived unsigned or with a bad signature."));
        // Exactly once: one accepted request per transition and target, by the payload's identity
        // (a webhook's signed id, PagerDuty's dedup_key and action) and by the idempotency key.
        Assert.All(requests.Where(r => r.Accepted).GroupBy(r => r.Identity), g => Assert.Single(g));
        Assert.All(requests.Where(r => r.Accepted).GroupBy(r => r.IdempotencyKey), g => Assert.Single(g));
        Assert.Equal(expected.OrderBy(e => e.ToString()), requests.Where(r => r.Accepted && alerts.Contains(r.AlertId))
            .Select(r => (r.AlertId, r.Target, r.Event)).OrderBy(e => e.ToString()));
        // None lost: every transition ever attempted (these alerts' and any other that paged) got through.
        Assert.All(requests.GroupBy(r => r.Identity), g => Assert.Contains(g, r => r.Accepted));
        // In order per target: the trigger before the acknowledgement or resolution (PagerDuty needs it).
        foreach (var target in Targets)
        {
            foreach (var (id, closing) in new[] { (acknowledged, "acknowledge"), (resolved, "resolve") })
            {
                var accepted = requests.Where(r => r.Accepted && r.AlertId == id && r.Target == target).Select(r => r.Event).ToList();
                Assert.Equal(["trigger", closing], accepted);
            }
        }

        Assert.True(deliveredAfter < DeliveredWithin, $"Delivered {deliveredAfter.TotalSeconds:F0} s after the restart.");
    }

    /// <summary>Waits until each (alert, event) has failed at least twice at every target: pending and retried.</summary>
    private Task WaitRetriedAsync(IEnumerable<(string Alert, string Event)> transitions)
    {
        var wanted = transitions.ToList();
        return PollAsync(() => wanted.All(w => Targets.All(t =>
                cluster.Receiver.Requests.Count(r => r.AlertId == w.Alert && r.Event == w.Event && r.Target == t && r.Status == 503) >= 2)),
            TimeSpan.FromSeconds(30), () => $"{string.Join(", ", wanted)} to be attempted and retried ({Describe(cluster.Receiver)})\n{cluster.Logs()}");
    }

    private async Task<JsonElement?> DeliveryOfAsync(string id)
    {
        var alert = await Incidents.GetAsync(cluster, cluster.A, id);
        return alert.TryGetProperty("delivery", out var d) && d.ValueKind == JsonValueKind.Object ? d : null;
    }

    private static string Describe(NotificationReceiver receiver) => string.Join("; ", receiver.Requests
        .GroupBy(r => r.Identity).Select(g => $"{g.Key}: {string.Join(",", g.Select(r => r.Status))}"));

    private static Task PollAsync(Func<bool> condition, TimeSpan limit, Func<string> what, bool throwOnTimeout = true) =>
        PollAsync(() => Task.FromResult(condition()), limit, what, throwOnTimeout);

    private static async Task PollAsync(Func<Task<bool>> condition, TimeSpan limit, Func<string> what, bool throwOnTimeout = true)
    {
        var until = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                if (throwOnTimeout)
                {
                    throw new Xunit.Sdk.XunitException($"Timed out waiting for {what()}.");
                }

                return;
            }

            await Task.Delay(50);
        }
    }
}
