using System.Net;
using System.Net.Sockets;
using System.Text;
using CheckoutWatch.Server.Tests.Infrastructure;

namespace CheckoutWatch.Server.Tests.Apis;

[Collection(ServerCollection.Name)]
public sealed class RateLimitTests(ServerFixture server)
{
    [Fact]
    public async Task Key_sending_past_its_rate_gets_429_with_retry_after_and_nothing_applied()
    {
        var m = "rl-" + Guid.NewGuid().ToString("N")[..8];
        // Burst 2, one more a second: however slow this machine, ten requests in a row overrun it.
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 10 && limited is null; i++)
        {
            var response = await server.PostEventsAsync(Events.Array(Events.Started(m, $"s{i}", id: $"rl-{i}")), key: ServerFixture.LimitedKey);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
        }

        Assert.NotNull(limited);
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted], statuses.Take(2));
        Assert.All(statuses.SkipLast(1), s => Assert.Equal(HttpStatusCode.Accepted, s));
        var refusedIndex = statuses.Count - 1;
        Assert.True(limited!.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);

        // The refused event was not applied: sent again later with another key, it is new.
        var again = await server.PostEventsAsync(Events.Array(Events.Started(m, $"s{refusedIndex}", id: $"rl-{refusedIndex}")));
        Assert.Contains("\"accepted\":1", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>A node that processes one ingest request at a time and queues none.</summary>
public sealed class SingleSlotServerFixture : ServerFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>
    {
        ["CheckoutWatch:Ingest:MaxConcurrentRequests"] = "1",
        ["CheckoutWatch:Ingest:MaxQueuedRequests"] = "0",
    };
}

public sealed class OverloadTests(SingleSlotServerFixture server) : IClassFixture<SingleSlotServerFixture>
{
    [Fact]
    public async Task Node_at_capacity_answers_503_with_retry_after_at_once()
    {
        var body = Encoding.UTF8.GetBytes(Events.Array(Events.Started("cap", "s1")));
        HttpResponseMessage? refused = null;
        TcpClient? held = null;
        for (var round = 0; round < 20 && refused is null; round++)
        {
            held?.Dispose();
            held = await HoldSlotAsync(body);
            for (var probe = 0; probe < 40; probe++)
            {
                var response = await server.PostEventsAsync(Events.Array(Events.Started("cap", $"probe-{round}-{probe}")));
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    refused = response;
                    break;
                }

                // The held request arrived while a probe had the slot and was itself refused:
                // start over with a new one. Otherwise Kestrel has not dispatched it yet.
                if (held.Available > 0)
                {
                    break;
                }

                await Task.Delay(25);
            }
        }

        Assert.NotNull(refused);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        // The held request completes normally once its body arrives, and the slot frees up.
        var stream = held!.GetStream();
        await stream.WriteAsync(body.AsMemory(1));
        var reply = new byte[4096];
        var read = await stream.ReadAsync(reply).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("HTTP/1.1 202", Encoding.ASCII.GetString(reply, 0, read), StringComparison.Ordinal);
        held.Dispose();
        Assert.Equal(HttpStatusCode.Accepted, (await server.PostEventsAsync(Events.Array(Events.Started("cap", "s3")))).StatusCode);
    }

    /// <summary>
    /// Sends a request's headers and the first byte of its body over a raw connection and holds:
    /// once dispatched, it occupies the node's only ingest slot while its body is "uploading".
    /// </summary>
    private async Task<TcpClient> HoldSlotAsync(byte[] body)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port);
        var stream = tcp.GetStream();
        var head = $"POST /api/v1/events HTTP/1.1\r\nHost: {server.BaseAddress.Authority}\r\nX-Api-Key: {ServerFixture.IngestKey}\r\n" +
                   $"Content-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(body.AsMemory(0, 1));
        await stream.FlushAsync();
        return tcp;
    }
}
