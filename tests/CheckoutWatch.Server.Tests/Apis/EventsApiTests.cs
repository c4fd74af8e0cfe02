using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CheckoutWatch.Server.Tests.Infrastructure;

namespace CheckoutWatch.Server.Tests.Apis;

[Collection(ServerCollection.Name)]
public sealed class EventsApiTests(ServerFixture server)
{
    [Fact]
    public async Task Valid_batch_is_accepted_with_its_figures()
    {
        var m = "shop-" + Guid.NewGuid().ToString("N")[..8];
        var response = await server.PostEventsAsync(Events.Array(
            Events.Started(m, "s1"),
            Events.Payment(m, "s1", "payment_submitted"),
            Events.Payment(m, "s1", "payment_succeeded")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await Json(response);
        Assert.Equal(3, body.GetProperty("accepted").GetInt32());
        Assert.Equal(0, body.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, body.GetProperty("rejected").GetArrayLength());
    }

    [Fact]
    public async Task Resent_events_are_duplicates_and_counted_once()
    {
        var m = "shop-" + Guid.NewGuid().ToString("N")[..8];
        var batch = Events.Array(
            Events.Payment(m, "s1", "payment_submitted", id: "e1"),
            Events.Payment(m, "s1", "payment_failed", id: "e2", failure: "declined", declineCode: "51"));

        var first = await Json(await server.PostEventsAsync(batch));
        var second = await Json(await server.PostEventsAsync(batch));

        Assert.Equal(2, first.GetProperty("accepted").GetInt32());
        Assert.Equal(0, second.GetProperty("accepted").GetInt32());
        Assert.Equal(2, second.GetProperty("duplicates").GetInt32());
        await server.FlushIngestAsync();
        using var client = await server.CreateUserClientAsync(CheckoutWatch.Server.Auth.Roles.Wall);
        var breakdown = await client.GetFromJsonAsync<JsonElement>($"/api/v1/merchants/{m}/breakdown");
        Assert.Equal(1, breakdown.GetProperty("failures").GetInt32());
        Assert.Equal(1, breakdown.GetProperty("paymentAttempts").GetInt32());
    }

    [Fact]
    public async Task Same_event_twice_in_one_batch_counts_once()
    {
        var m = "shop-" + Guid.NewGuid().ToString("N")[..8];
        var evt = Events.Started(m, "s1", id: "same");
        var body = await Json(await server.PostEventsAsync(Events.Array(evt, evt)));
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        Assert.Equal(1, body.GetProperty("duplicates").GetInt32());
    }

    [Fact]
    public async Task Invalid_events_are_rejected_with_reasons_while_valid_ones_are_accepted()
    {
        var m = "shop-" + Guid.NewGuid().ToString("N")[..8];
        var response = await server.PostEventsAsync(Events.Array(
            Events.Started(m, "s1"),
            $$"""{"eventId":"bad-1","merchantId":"{{m}}","sessionId":"s1","type":"payment_exploded","occurredAt":"{{Events.Now()}}"}""",
            Events.Started(m, "s2")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await Json(response);
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        var rejected = Assert.Single(body.GetProperty("rejected").EnumerateArray());
        Assert.Equal(1, rejected.GetProperty("index").GetInt32());
        Assert.Equal("bad-1", rejected.GetProperty("eventId").GetString());
        var error = rejected.GetProperty("errors")[0];
        Assert.Equal("type", error.GetProperty("field").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Ndjson_is_accepted()
    {
        var m = "shop-" + Guid.NewGuid().ToString("N")[..8];
        var response = await server.PostEventsAsync(Events.Ndjson(Events.Started(m, "s1"), Events.Started(m, "s2")), contentType: "application/x-ndjson");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, (await Json(response)).GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task Missing_key_is_401_problem()
    {
        var response = await server.PostEventsAsync(Events.Array(Events.Started("m1", "s1")), key: null);
        await AssertProblem(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "ApiKey");
    }

    [Fact]
    public async Task Wrong_key_is_401_and_not_echoed()
    {
        var response = await server.PostEventsAsync(Events.Array(Events.Started("m1", "s1")), key: "not-a-real-key-at-all-12345");
        var text = await AssertProblem(response, HttpStatusCode.Unauthorized);
        Assert.DoesNotContain("not-a-real-key-at-all-12345", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merchant_outside_the_key_scope_is_403_and_nothing_is_applied()
    {
        var other = "other-" + Guid.NewGuid().ToString("N")[..8];
        var response = await server.PostEventsAsync(
            Events.Array(Events.Started(ServerFixture.ScopedMerchant, "s-403"), Events.Started(other, "s1")),
            key: ServerFixture.ScopedKey);

        await AssertProblem(response, HttpStatusCode.Forbidden);
        // The in-scope event was not applied either: sending it now is accepted, not a duplicate.
        var again = await Json(await server.PostEventsAsync(Events.Array(Events.Started(ServerFixture.ScopedMerchant, "s-403x")), key: ServerFixture.ScopedKey));
        Assert.Equal(1, again.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task Scoped_key_is_accepted_for_its_own_merchant() =>
        Assert.Equal(HttpStatusCode.Accepted, (await server.PostEventsAsync(Events.Array(Events.Started(ServerFixture.ScopedMerchant, "s-ok")), key: ServerFixture.ScopedKey)).StatusCode);

    [Fact]
    public async Task Oversized_body_is_413_problem()
    {
        var big = new StringBuilder("[");
        var m = "shop-big";
        while (big.Length < ServerFixture.MaxBodyBytes + 1024)
        {
            big.Append(Events.Started(m, Guid.NewGuid().ToString("N"))).Append(',');
        }

        big.Append(Events.Started(m, "last")).Append(']');
        await AssertProblem(await server.PostEventsAsync(big.ToString()), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Too_many_events_is_413_problem()
    {
        var events = Enumerable.Range(0, 1001).Select(i => Events.Started("shop-many", $"s{i}")).ToArray();
        await AssertProblem(await server.PostEventsAsync(Events.Array(events)), HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("{\"eventId\":\"x\"}")]
    [InlineData("[{\"eventId\":\"x\",")]
    [InlineData("")]
    public async Task Garbage_is_400_problem(string body) =>
        await AssertProblem(await server.PostEventsAsync(body), HttpStatusCode.BadRequest);

    [Fact]
    public async Task Unsupported_content_type_is_415_problem() =>
        await AssertProblem(await server.PostEventsAsync(Events.Array(Events.Started("m", "s")), contentType: "text/plain"), HttpStatusCode.UnsupportedMediaType);

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<string> AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return text;
    }
}
