using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CheckoutWatch.Cluster.Tests.Infrastructure;
using StackExchange.Redis;

namespace CheckoutWatch.Cluster.Tests;

/// <summary>Redis Streams ingest on a healthy two-node cluster: same rules and dedup as HTTP.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StreamIngestTests(ClusterFixture cluster)
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_same_eventId_through_http_and_the_stream_counts_once()
    {
        var merchant = TestEvents.NewMerchant("dedup");
        var both = Enumerable.Range(0, 20).Select(i => TestEvents.Started(merchant, $"s{i}", $"{merchant}-e{i}")).ToArray();
        var streamOnly = Enumerable.Range(20, 10).Select(i => TestEvents.Started(merchant, $"s{i}", $"{merchant}-e{i}")).ToArray();

        using (var first = await cluster.PostEventsAsync(cluster.A, TestEvents.Array(both)))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
            Assert.Equal(20, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());
        }

        // The same events again through the stream, one entry per event and as one array.
        foreach (var e in both[..10])
        {
            await cluster.AddToStreamAsync(e);
        }

        await cluster.AddToStreamAsync(TestEvents.Array(both[10..].Concat(streamOnly)));
        await cluster.WaitStreamDrainedAsync(Drain);

        // And the stream's own events once more through HTTP, to the other node.
        using (var again = await cluster.PostEventsAsync(cluster.B, TestEvents.Array(streamOnly)))
        {
            var answer = await again.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(0, answer.GetProperty("accepted").GetInt32());
            Assert.Equal(10, answer.GetProperty("duplicates").GetInt32());
        }

        await WaitCountAsync(merchant, 30);
    }

    [Fact]
    public async Task Poison_entries_are_dead_lettered_with_the_reason_and_the_valid_rest_is_counted()
    {
        var merchant = TestEvents.NewMerchant("poison");
        var before = await cluster.Db.StreamLengthAsync(ClusterFixture.StreamKey + ":dead");
        var notJson = await cluster.AddToStreamAsync("{ not json");
        var noData = await cluster.Db.StreamAddAsync(ClusterFixture.StreamKey, "payload", "x");
        var mixed = await cluster.AddToStreamAsync(TestEvents.Array(
        [
            TestEvents.Started(merchant, "s1", $"{merchant}-ok"),
            $$"""{"eventId":"{{merchant}}-bad","merchantId":"{{merchant}}","type":"checkout_started"}""",
        ]));
        await cluster.WaitStreamDrainedAsync(Drain);

        var dead = (await cluster.Db.StreamRangeAsync(ClusterFixture.StreamKey + ":dead")).Skip((int)before)
            .ToDictionary(e => e["sourceId"].ToString(), e => e["reason"].ToString());
        Assert.Equal(3, dead.Count);
        Assert.Contains("JSON", dead[notJson.ToString()], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("'data'", dead[noData.ToString()], StringComparison.Ordinal);
        Assert.Contains($"{merchant}-bad", dead[mixed.ToString()], StringComparison.Ordinal);
        Assert.Contains("sessionId", dead[mixed.ToString()], StringComparison.Ordinal);
        await WaitCountAsync(merchant, 1);
    }

    [Fact]
    public async Task Events_a_full_session_refuses_are_dead_lettered_as_session_full_and_the_rest_is_counted()
    {
        var merchant = TestEvents.NewMerchant("full");
        var before = await cluster.Db.StreamLengthAsync(ClusterFixture.StreamKey + ":dead");
        // One session with two events more than it may hold (valid JSON, valid events), and one
        // ordinary session in the same entry.
        var crowded = Enumerable.Range(0, ClusterFixture.MaxEventsPerSession + 2)
            .Select(i => i == 0 ? TestEvents.Started(merchant, "crowded", $"{merchant}-first") : TestEvents.Payment(merchant, "crowded", "payment_failed", failure: "error", declineCode: "96"));
        var entry = await cluster.AddToStreamAsync(TestEvents.Array(crowded.Append(TestEvents.Started(merchant, "ordinary", $"{merchant}-ok"))));
        await cluster.WaitStreamDrainedAsync(Drain);

        var dead = (await cluster.Db.StreamRangeAsync(ClusterFixture.StreamKey + ":dead")).Skip((int)before).ToArray();
        var letter = Assert.Single(dead, e => e["sourceId"] == entry);
        var rejected = JsonDocument.Parse(letter["reason"].ToString()).RootElement.EnumerateArray().ToArray();
        // Items 16 and 17 (0-based) did not fit; each is listed under its item index with the code.
        Assert.Equal([ClusterFixture.MaxEventsPerSession, ClusterFixture.MaxEventsPerSession + 1], rejected.Select(r => r.GetProperty("index").GetInt32()));
        Assert.All(rejected, r => Assert.Equal("session_full", r.GetProperty("errors")[0].GetProperty("code").GetString()));
        Assert.Contains("crowded", letter["data"].ToString(), StringComparison.Ordinal);
        // The crowded session's first event and the ordinary session's were counted.
        await WaitCountAsync(merchant, 2);
    }

    [Fact]
    public async Task Entries_left_pending_by_a_dead_consumer_are_taken_over_and_counted_once()
    {
        var merchant = TestEvents.NewMerchant("reclaim");
        // A consumer that reads five entries and dies before acknowledging them. Added and read in
        // one transaction, so no node can read them first.
        var ghost = "ghost-" + merchant;
        var transaction = cluster.Db.CreateTransaction();
        var adds = Enumerable.Range(0, 5)
            .Select(i => transaction.StreamAddAsync(ClusterFixture.StreamKey, "data", TestEvents.Started(merchant, $"s{i}", $"{merchant}-e{i}")))
            .ToList();
        var read = transaction.StreamReadGroupAsync(ClusterFixture.StreamKey, ClusterFixture.Group, ghost, ">", 100);
        Assert.True(await transaction.ExecuteAsync());
        Assert.Equal(5, (await read).Length);
        Assert.Equal(5, (await cluster.Db.StreamPendingMessagesAsync(ClusterFixture.StreamKey, ClusterFixture.Group, 10, ghost)).Length);

        await cluster.WaitStreamDrainedAsync(ClusterFixture.ReclaimAfter + Drain);
        Assert.Empty(await cluster.Db.StreamPendingMessagesAsync(ClusterFixture.StreamKey, ClusterFixture.Group, 10, ghost));
        await WaitCountAsync(merchant, 5);
    }

    private async Task WaitCountAsync(string merchant, int expected)
    {
        // Counters follow the accepted events within the ingest buffer's flush (~50 ms).
        var seen = 0;
        for (var i = 0; i < 100 && seen != expected; i++)
        {
            seen = await cluster.CheckoutsStartedAsync(i % 2 == 0 ? cluster.A : cluster.B, merchant);
            if (seen != expected)
            {
                await Task.Delay(50);
            }
        }

        Assert.Equal(expected, seen);
    }
}
