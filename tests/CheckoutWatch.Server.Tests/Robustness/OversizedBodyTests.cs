using System.Net;
using CheckoutWatch.Server.Tests.Infrastructure;

namespace CheckoutWatch.Server.Tests.Robustness;

[Collection(ServerCollection.Name)]
public sealed class OversizedBodyTests(ServerFixture server)
{
    // Found by the fuzzer: the 413 for a body still on the wire left the connection in the client's
    // pool, the node then closed it, and the client's next request on it failed.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Oversized_body_is_answered_413_with_connection_close_and_the_next_request_succeeds(bool chunked)
    {
        using var client = server.CreateClient();
        var body = new byte[ServerFixture.MaxBodyBytes + 40_000];
        body.AsSpan().Fill((byte)' ');
        body[0] = (byte)'[';
        body[^1] = (byte)']';
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = chunked;

        using var refused = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.True(refused.Headers.ConnectionClose, "a 413 for an unread body must close the connection");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        for (var i = 0; i < 5; i++)
        {
            var next = await client.PostAsync("/api/v1/events", new StringContent(Events.Array(Events.Started("big-body-shop", $"s{i}")), System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Accepted, next.StatusCode);
        }
    }
}
