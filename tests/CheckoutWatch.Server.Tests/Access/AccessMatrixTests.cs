using System.Net;
using System.Net.Http.Json;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Tests.Infrastructure;

namespace CheckoutWatch.Server.Tests.Access;

/// <summary>Every API route against every role: 401 without a session, 403 for a role the policy does not admit, through for the rest.</summary>
[Collection(ServerCollection.Name)]
public sealed class AccessMatrixTests(ServerFixture server)
{
    public static TheoryData<string, string, string> Routes() => new()
    {
        // method, path, the policy it needs
        { "GET", "/api/v1/me", Policies.ViewBoard },
        { "GET", "/api/v1/alerts", Policies.ViewBoard },
        { "GET", "/api/v1/alerts/al-none", Policies.ViewBoard },
        { "POST", "/api/v1/alerts/al-none/acknowledge", Policies.ActOnAlerts },
        { "POST", "/api/v1/alerts/al-none/resolve", Policies.ActOnAlerts },
        { "GET", "/api/v1/knowledge", Policies.ViewBoard },
        { "GET", "/api/v1/merchants/matrix-shop/health", Policies.ViewBoard },
        { "GET", "/api/v1/merchants/matrix-shop/breakdown", Policies.ViewBoard },
        { "GET", "/api/v1/merchants/matrix-shop/findings", Policies.ViewBoard },
        { "GET", "/api/v1/audit", Policies.Administer },
        { "GET", "/api/v1/admin/display-tokens", Policies.Administer },
        { "POST", "/api/v1/admin/display-tokens/dt-none/revoke", Policies.Administer },
        { "GET", "/api/v1/admin/ingest-keys", Policies.Administer },
        { "POST", "/api/v1/admin/ingest-keys/none/current/revoke", Policies.Administer },
        { "GET", "/api/v1/admin/users", Policies.Administer },
        { "GET", "/api/v1/outreach", Policies.ViewBoard },
        { "GET", "/api/v1/outreach/saved-today", Policies.ViewBoard },
        { "GET", "/api/v1/outreach/or-none", Policies.ViewBoard },
        { "POST", "/api/v1/outreach/or-none/claim", Policies.WorkOutreach },
        { "POST", "/api/v1/outreach/or-none/release", Policies.WorkOutreach },
        { "GET", "/api/v1/escalations", Policies.ViewBoard },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Each_route_admits_exactly_the_roles_of_its_policy(string method, string path, string policy)
    {
        using (var anonymous = server.CreateCookieClient(new CookieContainer()))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(anonymous, method, path)).StatusCode);
        }

        // An ingest key is not a board sign-in.
        using (var ingest = server.CreateClient(ServerFixture.IngestKey))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(ingest, method, path)).StatusCode);
        }

        foreach (var role in Roles.All)
        {
            using var client = await server.CreateUserClientAsync(role);
            using var response = await SendAsync(client, method, path);
            if (Policies.RolesFor[policy].Contains(role))
            {
                // Through authorization: the route's own answer (200, or 404 for the made-up ids).
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{role} {method} {path}: {(int)response.StatusCode}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} {method} {path}: {(int)response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [Fact]
    public async Task A_board_session_does_not_open_the_ingest_endpoint()
    {
        using var admin = await server.CreateUserClientAsync(Roles.Admin);
        using var response = await admin.PostAsync("/api/v1/events", new StringContent(Events.Array(Events.Started("m", "s")), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Me_says_who_is_signed_in_with_roles_and_policies()
    {
        using var agent = await server.CreateUserClientAsync(Roles.Agent);
        var me = await agent.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/me");
        Assert.Equal(ServerFixture.UserName(Roles.Agent), me.GetProperty("name").GetString());
        Assert.Equal([Roles.Agent], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(
            [Policies.ViewBoard, Policies.WorkOutreach, Policies.SeeCustomerData],
            me.GetProperty("policies").EnumerateArray().Select(p => p.GetString()!));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path) =>
        client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
}
