using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using CheckoutWatch.Cluster.Tests.Infrastructure;

namespace CheckoutWatch.Cluster.Tests;

/// <summary>
/// One node of two is killed with SIGKILL under steady load through HTTP and the stream: what is
/// durable survives, boards follow, the stream loses and double counts nothing, and the survivor
/// serves everything.
/// </summary>
[Collection("failover")]
public sealed class FailoverTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task A_killed_node_loses_no_alert_acknowledgement_note_silence_or_claim_and_its_boards_catch_up_on_the_survivor()
    {
        var (a, b) = (cluster.A, cluster.B);
        await using var boardOnA = await BoardClient.ConnectAsync(cluster, [a, b]);
        await using var boardOnB = await BoardClient.ConnectAsync(cluster, [b, a]);

        // Two real incidents, detected on whichever nodes own the merchants, acknowledged through
        // the other node's API; both boards see everything (the backplane carries the pushes).
        var firstMerchant = TestEvents.NewMerchant("inc");
        var first = await Incidents.DriveAsync(cluster, a, firstMerchant);
        var second = await Incidents.DriveAsync(cluster, b, TestEvents.NewMerchant("inc"));
        var ack = await Incidents.ActAsync(cluster, b, first, "acknowledge", "oncall-before-kill");
        await WaitUntilAsync(() => boardOnA.StatusOf(first) == "acknowledged" && boardOnB.StatusOf(first) == "acknowledged"
            && boardOnA.SequenceOf(second) > 0 && boardOnB.SequenceOf(second) > 0, TimeSpan.FromSeconds(10), "both boards to see both alerts and the acknowledgement", boardOnA, boardOnB);

        // A note and a silence made through the node about to die (their grains may live on either).
        var noteText = "note-before-kill-" + Guid.NewGuid().ToString("N")[..6];
        await Incidents.NoteAsync(cluster, b, first, noteText);
        var silenceReason = "maintenance-before-kill-" + Guid.NewGuid().ToString("N")[..6];
        var silenceId = await Incidents.SilenceAsync(cluster, b, TestEvents.NewMerchant("quiet"), silenceReason);
        // And an agent's claim on an outreach item (a payment that failed during the incident).
        var claimId = await Incidents.ClaimOutreachAsync(cluster, b, firstMerchant);

        var before = await Incidents.ListAsync(cluster, a);

        var phase1 = Enumerable.Range(0, 3).Select(_ => TestEvents.NewMerchant("p1")).ToArray();
        var phase2 = Enumerable.Range(0, 3).Select(_ => TestEvents.NewMerchant("p2")).ToArray();
        await using var load = new LoadDriver(cluster, phase1);
        // Load under way through both doors before the kill.
        await load.DeliveredAsync(30, TimeSpan.FromSeconds(20));

        var killedAt = Stopwatch.StartNew();
        await b.KillAsync();
        load.SwitchTo(phase2);

        // Acted on through the survivor while the cluster is still noticing the death.
        var secondAck = await RetryAsync(() => Incidents.ActAsync(cluster, a, second, "acknowledge", "oncall-after-kill"), TimeSpan.FromSeconds(20));
        Assert.True(secondAck.GetProperty("sequence").GetInt64() > ack.GetProperty("sequence").GetInt64(), "The feed sequence went backwards after the failover.");

        // The board that was on the dead node is on the survivor, caught up, within 10 s.
        await boardOnB.CaughtUpAfterFailover.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(a.BaseAddress, boardOnB.ConnectedTo.BaseAddress);
        await WaitUntilAsync(() => boardOnB.StatusOf(second) == "acknowledged", TimeSpan.FromSeconds(10) - killedAt.Elapsed, "the board from the dead node to show the acknowledgement made after the kill", boardOnB);
        var feed = await Incidents.ListAsync(cluster, a);
        foreach (var board in new[] { boardOnA, boardOnB })
        {
            // No gap (every alert in its newest version) and no duplicate (one entry per alert).
            Assert.Equal(
                feed.ToDictionary(x => x.GetProperty("id").GetString()!, x => x.GetProperty("sequence").GetInt64()).OrderBy(x => x.Key),
                board.Alerts.ToDictionary(x => x.Key, x => x.Value.GetProperty("sequence").GetInt64()).OrderBy(x => x.Key));
        }

        // Load keeps flowing through the survivor after the catch-up, then stops.
        await load.DeliveredAsync(30, TimeSpan.FromSeconds(20));
        await load.StopAsync();
        Assert.Empty(load.Errors);
        await cluster.WaitStreamDrainedAsync(ClusterFixture.ReclaimAfter + TimeSpan.FromSeconds(20));

        // Nothing durable lost: every alert from before the kill, the acknowledgement included.
        foreach (var alert in before)
        {
            var now = await Incidents.GetAsync(cluster, a, alert.GetProperty("id").GetString()!);
            Assert.True(now.GetProperty("sequence").GetInt64() >= alert.GetProperty("sequence").GetInt64());
        }

        var firstNow = await Incidents.GetAsync(cluster, a, first);
        Assert.Equal("acknowledged", firstNow.GetProperty("status").GetString());
        // Actions are recorded as the signed-in user.
        Assert.Equal(ClusterFixture.OncallUser, firstNow.GetProperty("acknowledgedBy").GetString());
        Assert.Contains(await Incidents.TimelineAsync(cluster, a, first), e => e.GetProperty("kind").GetString() == "note" && e.GetProperty("text").GetString() == noteText);
        var silence = Assert.Single(await Incidents.SilencesAsync(cluster, a), s => s.GetProperty("id").GetString() == silenceId);
        Assert.Equal(silenceReason, silence.GetProperty("reason").GetString());
        var claim = await Incidents.OutreachAsync(cluster, a, claimId);
        Assert.Equal("claimed", claim.GetProperty("status").GetString());
        Assert.Equal(ClusterFixture.AgentUser, claim.GetProperty("claimedBy").GetString());

        // The survivor serves every merchant and counts exactly what arrived after the kill, through
        // both doors: retries to the survivor and taken-over entries count once (merchant grains
        // remember what they counted, docs/design.md), and nothing acknowledged is missing.
        foreach (var merchant in phase2)
        {
            var sent = load.Sent.GetValueOrDefault(merchant);
            Assert.Equal(sent, await WaitCountAsync(a, merchant, sent));
        }

        // Merchants from before the kill answer too (their grains reactivated where needed);
        // their live counters may have died with the node (docs/design.md).
        foreach (var merchant in phase1)
        {
            await cluster.CheckoutsStartedAsync(a, merchant);
        }
    }

    private async Task<int> WaitCountAsync(NodeProcess node, string merchant, int expected)
    {
        var seen = -1;
        for (var i = 0; i < 60 && seen < expected; i++)
        {
            seen = await cluster.CheckoutsStartedAsync(node, merchant);
            if (seen < expected)
            {
                await Task.Delay(50);
            }
        }

        return seen;
    }

    /// <summary>Waits for <paramref name="condition"/>, checking it again on every change a board applies.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit, string what, params BoardClient[] boards)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (true)
        {
            var changed = Task.WhenAny(boards.Select(b => b.NextChange));
            if (condition())
            {
                return;
            }

            try
            {
                await changed.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}.");
            }
        }
    }

    private async Task<T> RetryAsync<T>(Func<Task<T>> action, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (true)
        {
            try
            {
                return await action();
            }
            catch (Exception) when (DateTime.UtcNow < until)
            {
                // Refused while the cluster notices the death: again once the node reports ready.
                await cluster.A.WaitReadyAsync(until - DateTime.UtcNow);
            }
        }
    }
}
