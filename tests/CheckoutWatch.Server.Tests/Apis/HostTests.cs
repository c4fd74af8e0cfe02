using System.Net;
using System.Text.Json;
using CheckoutWatch.Server.Tests.Infrastructure;

namespace CheckoutWatch.Server.Tests.Apis;

[Collection(ServerCollection.Name)]
public sealed class HostTests(ServerFixture server)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy_without_credentials(string path)
    {
        using var client = server.CreateClient(key: null);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/v1/alerts")]
    public async Task Answers_carry_security_headers(string path)
    {
        using var client = await server.CreateUserClientAsync(CheckoutWatch.Server.Auth.Roles.Wall);
        var response = await client.GetAsync(path);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task OpenApi_describes_the_ingest_endpoint()
    {
        using var client = server.CreateClient(key: null);
        var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var post = doc.GetProperty("paths").GetProperty("/api/v1/events").GetProperty("post");
        Assert.True(post.GetProperty("responses").TryGetProperty("202", out _));
        Assert.True(post.GetProperty("responses").TryGetProperty("413", out _));
    }

    [Fact]
    public async Task Merchant_health_needs_a_board_sign_in_and_an_ingest_key_is_not_one()
    {
        using var anonymous = server.CreateClient(key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/merchants/any/health")).StatusCode);
        using var ingest = server.CreateClient(ServerFixture.IngestKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ingest.GetAsync("/api/v1/merchants/any/health")).StatusCode);
        using var wall = await server.CreateUserClientAsync(CheckoutWatch.Server.Auth.Roles.Wall);
        Assert.Equal(HttpStatusCode.OK, (await wall.GetAsync($"/api/v1/merchants/{ServerFixture.ScopedMerchant}/health")).StatusCode);
    }
}
