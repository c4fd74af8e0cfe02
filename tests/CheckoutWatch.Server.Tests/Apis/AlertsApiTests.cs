using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Tests.Infrastructure;

namespace CheckoutWatch.Server.Tests.Apis;

[Collection(ServerCollection.Name)]
public sealed class AlertsApiTests(ServerFixture server)
{
    [Fact]
    public async Task Alerts_list_is_an_array()
    {
        using var client = await server.CreateUserClientAsync(Roles.Oncall);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/alerts?status=open");
        Assert.Equal(JsonValueKind.Array, list.ValueKind);
    }

    [Theory]
    [InlineData("/api/v1/alerts?status=sleeping")]
    [InlineData("/api/v1/alerts?kind=meteor_strike")]
    [InlineData("/api/v1/alerts?limit=0")]
    public async Task Bad_filters_are_400_problems(string url)
    {
        using var client = await server.CreateUserClientAsync(Roles.Oncall);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_alert_is_404_for_reads_and_actions()
    {
        using var client = await server.CreateUserClientAsync(Roles.Oncall);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/alerts/al-nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/alerts/al-nope/acknowledge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/alerts/al-nope/resolve", null)).StatusCode);
    }

    [Fact]
    public async Task Knowledge_base_explains_insufficient_funds_and_issuer_unavailable()
    {
        using var client = await server.CreateUserClientAsync(Roles.Oncall);
        var kb = await client.GetFromJsonAsync<JsonElement>("/api/v1/knowledge");
        var entries = kb.GetProperty("entries").EnumerateArray().ToList();
        var funds = entries.Single(e => e.GetProperty("guidance").GetProperty("code").GetString() == "51");
        Assert.False(funds.GetProperty("guidance").GetProperty("technical").GetBoolean());
        var issuer = entries.First(e => e.GetProperty("guidance").GetProperty("code").GetString() == "91");
        Assert.True(issuer.GetProperty("guidance").GetProperty("technical").GetBoolean());
        Assert.False(string.IsNullOrEmpty(kb.GetProperty("note").GetString()));
    }
}
