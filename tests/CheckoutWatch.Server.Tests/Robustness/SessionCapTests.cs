using System.Net;
using System.Text.Json;
using CheckoutWatch.Server.Tests.Infrastructure;

namespace CheckoutWatch.Server.Tests.Robustness;

/// <summary>A node whose sessions hold at most 16 events.</summary>
public sealed class SmallSessionServerFixture : ServerFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>
    {
        ["CheckoutWatch:Sessions:MaxEventsPerSession"] = "16",
    };
}

public sealed class SessionCapTests(SmallSessionServerFixture server) : IClassFixture<SmallSessionServerFixture>
{
    [Fact]
    public async Task Events_past_a_full_session_are_rejected_as_session_full_and_the_rest_of_the_batch_is_applied()
    {
        var m = "cap-" + Guid.NewGuid().ToString("N")[..8];
        var first = Enumerable.Range(0, 15).Select(i => Events.Started(m, "s1", id: $"e{i}")).ToArray();
        Assert.Contains("\"accepted\":15", await (await server.PostEventsAsync(Events.Array(first))).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Item 0: invalid; 1: the 16th event (fits); 2: a repeat; 3: the 17th (refused); 4: another session.
        var response = await server.PostEventsAsync(Events.Array(
            "{\"eventId\":\"bad\"}",
            Events.Started(m, "s1", id: "e15"),
            Events.Started(m, "s1", id: "e3"),
            Events.Started(m, "s1", id: "e16"),
            Events.Started(m, "s2", id: "other")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal((2, 1), (root.GetProperty("accepted").GetInt32(), root.GetProperty("duplicates").GetInt32()));
        var rejected = root.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal([0, 3], rejected.Select(r => r.GetProperty("index").GetInt32()));
        var full = rejected[1];
        Assert.Equal("e16", full.GetProperty("eventId").GetString());
        var error = Assert.Single(full.GetProperty("errors").EnumerateArray());
        Assert.Equal(("sessionId", "session_full"), (error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));

        // The refused event was not remembered: sent again it is refused again, not a duplicate.
        var again = await (await server.PostEventsAsync(Events.Array(Events.Started(m, "s1", id: "e16")))).Content.ReadAsStringAsync();
        Assert.Contains("\"accepted\":0,\"duplicates\":0", again, StringComparison.Ordinal);
        Assert.Contains("session_full", again, StringComparison.Ordinal);
    }
}
