using System.Net.Http.Json;
using System.Text.Json;
using CheckoutWatch.Cluster.Tests.Infrastructure;

namespace CheckoutWatch.Cluster.Tests;

/// <summary>Redis stopped (SIGTERM) and started again under load: the cluster heals by itself.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RedisRestartTests(ClusterFixture cluster)
{
    [Fact]
    public async Task After_a_redis_restart_under_load_the_nodes_are_ready_again_ingest_works_and_alerts_are_still_there()
    {
        var alert = await Incidents.DriveAsync(cluster, cluster.A, TestEvents.NewMerchant("inc"));
        await Incidents.ActAsync(cluster, cluster.B, alert, "acknowledge", "oncall-before-restart");

        var before = Enumerable.Range(0, 2).Select(_ => TestEvents.NewMerchant("r1")).ToArray();
        var after = Enumerable.Range(0, 2).Select(_ => TestEvents.NewMerchant("r2")).ToArray();
        await using var load = new LoadDriver(cluster, before);
        await load.DeliveredAsync(20, TimeSpan.FromSeconds(20));

        await cluster.Redis.StopAsync();
        // Readiness says the truth while Redis is away.
        await WaitAsync(async () => !await AnyReadyAsync(), TimeSpan.FromSeconds(10), "the nodes to report not ready without Redis");
        // Under load while Redis is away: senders are refused and keep their batches for a retry.
        await load.RefusedAsync(10, TimeSpan.FromSeconds(20));
        await cluster.Redis.StartAsync();
        load.SwitchTo(after);

        // No hand on it: both nodes ready again, ingest through both doors, the alert intact.
        await WaitAsync(AllReadyAsync, TimeSpan.FromSeconds(30), $"both nodes ready after the restart\n{cluster.Logs()}");
        // Load keeps flowing after the restart (the retries and new merchants' batches), then stops.
        await load.DeliveredAsync(30, TimeSpan.FromSeconds(30));
        await load.StopAsync();
        Assert.Empty(load.Errors);
        await cluster.WaitStreamDrainedAsync(ClusterFixture.ReclaimAfter + TimeSpan.FromSeconds(30));

        foreach (var merchant in after)
        {
            var sent = load.Sent.GetValueOrDefault(merchant);
            Assert.True(sent > 0);
            Assert.Equal(sent, await WaitCountAsync(merchant, sent));
        }

        foreach (var node in cluster.Nodes)
        {
            var kept = await Incidents.GetAsync(cluster, node, alert);
            Assert.Equal("acknowledged", kept.GetProperty("status").GetString());
            Assert.Equal(ClusterFixture.OncallUser, kept.GetProperty("acknowledgedBy").GetString());
        }

        // The feed goes on persisting: an action after the restart is there for both nodes.
        var resolved = await Incidents.ActAsync(cluster, cluster.A, alert, "resolve", "oncall-after-restart");
        var seenOnB = await Incidents.GetAsync(cluster, cluster.B, alert);
        Assert.Equal(resolved.GetProperty("sequence").GetInt64(), seenOnB.GetProperty("sequence").GetInt64());
    }

    private async Task<bool> AllReadyAsync()
    {
        foreach (var node in cluster.Nodes)
        {
            using var http = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(3) };
            if (!await NodeProcess.IsReadyAsync(http))
            {
                return false;
            }
        }

        return true;
    }

    private async Task<bool> AnyReadyAsync()
    {
        var any = false;
        foreach (var node in cluster.Nodes)
        {
            using var http = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(3) };
            any |= await NodeProcess.IsReadyAsync(http);
        }

        return any;
    }

    private async Task<int> WaitCountAsync(string merchant, int expected)
    {
        var seen = -1;
        for (var i = 0; i < 100 && seen != expected; i++)
        {
            seen = await cluster.CheckoutsStartedAsync(i % 2 == 0 ? cluster.A : cluster.B, merchant);
            if (seen != expected)
            {
                await Task.Delay(50);
            }
        }

        return seen;
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan limit, string what)
    {
        var until = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}.");
            }

            await Task.Delay(50);
        }
    }
}
