using System.Net;
using CheckoutWatch.Cluster.Tests.Infrastructure;

namespace CheckoutWatch.Cluster.Tests;

/// <summary>One Data Protection key ring in Redis: a sign-in made through one node holds on the other.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SharedSignInTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_cookie_issued_by_one_node_is_accepted_by_the_other()
    {
        var cookies = new CookieContainer();
        using (var onA = await cluster.UserClientAsync(cluster.A, cookies))
        {
            Assert.Equal(HttpStatusCode.OK, (await onA.GetAsync("/api/v1/me")).StatusCode);
        }

        // Both nodes listen on 127.0.0.1, so the container offers node A's cookie to node B.
        using var onB = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = cluster.B.BaseAddress,
            Timeout = TimeSpan.FromSeconds(15),
        };
        var me = await onB.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains(ClusterFixture.OncallUser, await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var stranger = new HttpClient { BaseAddress = cluster.B.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/v1/me")).StatusCode);
    }
}
