using System.Net;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Tests.Infrastructure;

namespace CheckoutWatch.Server.Tests.Operations;

[Collection(ServerCollection.Name)]
public sealed class DashboardTests(ServerFixture server)
{
    [Fact]
    public async Task Administrators_see_the_orleans_dashboard()
    {
        using var admin = await server.CreateUserClientAsync(Roles.Admin);
        var response = await admin.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Orleans Dashboard", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Wall)]
    [InlineData(Roles.Agent)]
    [InlineData(Roles.Oncall)]
    public async Task Signed_in_users_who_are_not_administrators_are_forbidden(string role)
    {
        using var user = await server.CreateUserClientAsync(role);
        foreach (var path in new[] { "/dashboard/", "/dashboard/index.min.js" })
        {
            var response = await user.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task Callers_who_are_not_signed_in_are_refused_even_with_an_ingest_key()
    {
        using var anonymous = server.CreateClient(key: null);
        using var ingestKey = server.CreateClient();
        foreach (var client in new[] { anonymous, ingestKey })
        {
            var response = await client.GetAsync("/dashboard/");
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
            Assert.DoesNotContain("Orleans Dashboard", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
