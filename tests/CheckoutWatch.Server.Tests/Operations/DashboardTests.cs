using CheckoutWatch.Server.Tests.Infrastructure;

namespace CheckoutWatch.Server.Tests.Operations;

[Collection(ServerCollection.Name)]
public sealed class DashboardTests(ServerFixture server)
{
    [Theory]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/index.min.js")]
    public async Task Dashboard_is_not_served_to_callers_who_are_not_signed_in_as_admin(string path)
    {
        using var anonymous = server.CreateClient(key: null);
        using var ingestKey = server.CreateClient();
        foreach (var client in new[] { anonymous, ingestKey })
        {
            var response = await client.GetAsync(path);
            Assert.False(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}");
            Assert.DoesNotContain("Orleans Dashboard", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
