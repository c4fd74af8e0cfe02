using System.Text.Json;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace CheckoutWatch.Server.Tests.Hubs;

[Collection(ServerCollection.Name)]
public sealed class WarRoomHubTests(ServerFixture server)
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Client_gets_the_snapshot_then_a_health_update_caused_by_posted_events()
    {
        var m = "hub-" + Guid.NewGuid().ToString("N")[..8];
        await using var connection = await server.CreateHubAsync(Roles.Wall);
        var update = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<JsonElement>("HealthUpdated", tiles =>
        {
            foreach (var tile in tiles.EnumerateArray())
            {
                if (tile.GetProperty("merchantId").GetString() == m && tile.GetProperty("outcomes1m").GetInt32() == 4)
                {
                    update.TrySetResult(tile);
                }
            }
        });
        await connection.StartAsync();

        var snapshot = await connection.InvokeAsync<JsonElement>("GetSnapshot");
        Assert.Equal(JsonValueKind.Array, snapshot.GetProperty("tiles").ValueKind);
        Assert.Equal(JsonValueKind.Array, snapshot.GetProperty("alerts").ValueKind);
        var sequence = snapshot.GetProperty("alertSequence").GetInt64();
        var since = await connection.InvokeAsync<JsonElement>("GetAlertsSince", sequence);
        Assert.Equal(0, since.GetProperty("alerts").GetArrayLength());
        Assert.False(since.GetProperty("truncated").GetBoolean());
        Assert.DoesNotContain(snapshot.GetProperty("tiles").EnumerateArray(), t => t.GetProperty("merchantId").GetString() == m);

        await server.PostEventsAsync(Events.Array(
            Events.Started(m, "a"), Events.Payment(m, "a", "payment_submitted"), Events.Payment(m, "a", "payment_succeeded"),
            Events.Payment(m, "b", "payment_succeeded"), Events.Payment(m, "c", "payment_succeeded"),
            Events.Payment(m, "d", "payment_failed", failure: "declined", declineCode: "51")));

        var tile = await update.Task.WaitAsync(_wait);
        Assert.Equal(0.75, tile.GetProperty("successRate1m").GetDouble(), 3);
        Assert.Equal(1, tile.GetProperty("failures1m").GetInt32());
        Assert.Equal(30, tile.GetProperty("history").GetArrayLength());

        // A board that connects now starts from a snapshot that already has the merchant.
        await using var late = await server.CreateHubAsync(Roles.Oncall);
        await late.StartAsync();
        var lateSnapshot = await late.InvokeAsync<JsonElement>("GetSnapshot");
        Assert.Contains(lateSnapshot.GetProperty("tiles").EnumerateArray(), t => t.GetProperty("merchantId").GetString() == m);
    }
}
