using System.Net;
using System.Net.Http.Headers;
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
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 3; i++)
        {
            var response = await server.PostEventsAsync(Events.Array(Events.Started(m, $"s{i}", id: $"rl-{i}")), key: ServerFixture.LimitedKey);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(limited!.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);

        // The refused event was not applied: sent again later with another key, it is new.
        var again = await server.PostEventsAsync(Events.Array(Events.Started(m, "s2", id: "rl-2")));
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
        // The first request holds the only slot: its body is still being uploaded.
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        using var slow = server.CreateClient();
        var holding = slow.PostAsync("/api/v1/events", new SlowContent(Events.Array(Events.Started("cap", "s1")), started, release.Task));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // The server may still be reading the slow request's headers: ask until it holds the slot.
        HttpResponseMessage refused;
        var attempts = 0;
        do
        {
            refused = await server.PostEventsAsync(Events.Array(Events.Started("cap", $"s2-{attempts}")));
        }
        while (refused.StatusCode == HttpStatusCode.Accepted && ++attempts < 50);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        release.SetResult();
        Assert.Equal(HttpStatusCode.Accepted, (await holding.WaitAsync(TimeSpan.FromSeconds(10))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await server.PostEventsAsync(Events.Array(Events.Started("cap", "s3")))).StatusCode);
    }

    /// <summary>Sends the first byte, then waits before sending the rest.</summary>
    private sealed class SlowContent : HttpContent
    {
        private readonly byte[] _body;
        private readonly TaskCompletionSource _started;
        private readonly Task _release;

        public SlowContent(string body, TaskCompletionSource started, Task release)
        {
            _body = Encoding.UTF8.GetBytes(body);
            _started = started;
            _release = release;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_body.AsMemory(0, 1));
            await stream.FlushAsync();
            _started.SetResult();
            await _release;
            await stream.WriteAsync(_body.AsMemory(1));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _body.Length;
            return true;
        }
    }
}
