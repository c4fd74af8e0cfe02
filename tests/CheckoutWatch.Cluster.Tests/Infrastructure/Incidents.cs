using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CheckoutWatch.Cluster.Tests.Infrastructure;

/// <summary>Real incidents the nodes detect, and the alert API to act on them.</summary>
internal static class Incidents
{
    /// <summary>
    /// Batches of 64 payment outcomes, half of them technical errors (decline code 96), a few
    /// times a second until the merchant has an open spike alert (with <paramref name="paging"/>:
    /// an open alert that pages, of any kind); answers its id.
    /// </summary>
    public static async Task<string> DriveAsync(ClusterFixture cluster, NodeProcess node, string merchant, bool paging = false)
    {
        using var client = await cluster.UserClientAsync(node);
        // An alert pages only after detection's paging grace (10 s): a paging one takes longer.
        var limit = TimeSpan.FromSeconds(paging ? 60 : 40);
        var until = DateTime.UtcNow + limit;
        // A PSP of the merchant's own: two incidents driven at once on one PSP are a PSP-wide
        // incident (one alert for merchant "*", the merchants' alerts folded under it and not paging).
        var psp = $"psp-{merchant}";
        for (var batch = 0; DateTime.UtcNow < until; batch++)
        {
            var events = Enumerable.Range(0, 64).Select(i => i % 2 == 0
                ? TestEvents.Payment(merchant, $"s{batch}-{i}", "payment_failed", failure: "error", declineCode: "96", psp: psp)
                : TestEvents.Payment(merchant, $"s{batch}-{i}", "payment_succeeded", psp: psp));
            using (var response = await cluster.PostEventsAsync(node, TestEvents.Array(events)))
            {
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            }

            await Task.Delay(50);
            var alerts = await client.GetFromJsonAsync<JsonElement>(paging
                ? $"/api/v1/alerts?merchant={merchant}&status=open"
                : $"/api/v1/alerts?merchant={merchant}&kind=payment_failure_spike&status=open");
            if (alerts.EnumerateArray().FirstOrDefault(a => paging ? a.GetProperty("pages").GetBoolean() : a.GetProperty("parentId").ValueKind == JsonValueKind.Null)
                is { ValueKind: JsonValueKind.Object } open)
            {
                return open.GetProperty("id").GetString()!;
            }
        }

        throw new Xunit.Sdk.XunitException($"No {(paging ? "paging" : "spike")} alert for {merchant} within {limit.TotalSeconds:F0} s.\n{cluster.Logs()}");
    }

    public static async Task<JsonElement> ActAsync(ClusterFixture cluster, NodeProcess node, string id, string action, string by)
    {
        using var client = await cluster.UserClientAsync(node);
        using var response = await client.PostAsJsonAsync($"/api/v1/alerts/{id}/{action}", new { by });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement[]> ListAsync(ClusterFixture cluster, NodeProcess node)
    {
        using var client = await cluster.UserClientAsync(node);
        return (await client.GetFromJsonAsync<JsonElement[]>("/api/v1/alerts?limit=5000"))!;
    }

    public static async Task<JsonElement> GetAsync(ClusterFixture cluster, NodeProcess node, string id)
    {
        using var client = await cluster.UserClientAsync(node);
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{id}");
    }

    public static async Task NoteAsync(ClusterFixture cluster, NodeProcess node, string id, string text)
    {
        using var client = await cluster.UserClientAsync(node);
        using var response = await client.PostAsJsonAsync($"/api/v1/alerts/{id}/notes", new { text });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static async Task<string> SilenceAsync(ClusterFixture cluster, NodeProcess node, string merchantId, string reason)
    {
        using var client = await cluster.UserClientAsync(node);
        using var response = await client.PostAsJsonAsync("/api/v1/silences", new { merchantId, durationMinutes = 60, reason });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement[]> TimelineAsync(ClusterFixture cluster, NodeProcess node, string id)
    {
        using var client = await cluster.UserClientAsync(node);
        return [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{id}/timeline")).GetProperty("entries").EnumerateArray()];
    }

    public static async Task<JsonElement[]> SilencesAsync(ClusterFixture cluster, NodeProcess node)
    {
        using var client = await cluster.UserClientAsync(node);
        return (await client.GetFromJsonAsync<JsonElement[]>("/api/v1/silences"))!;
    }

    /// <summary>Claims, as the agent through <paramref name="node"/>, an outreach item of the merchant (failed payments during its incident become items within a tick or two).</summary>
    public static async Task<string> ClaimOutreachAsync(ClusterFixture cluster, NodeProcess node, string merchant)
    {
        using var client = await cluster.UserClientAsync(node, ClusterFixture.AgentUser, ClusterFixture.AgentPassword);
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var items = (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/outreach?merchant={merchant}&status=open"))!;
            if (items.Length > 0)
            {
                var id = items[0].GetProperty("id").GetString()!;
                using var response = await client.PostAsync($"/api/v1/outreach/{id}/claim", null);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return id;
            }

            Assert.True(DateTime.UtcNow < until, $"No outreach item for {merchant} within 15 s.");
            await Task.Delay(50);
        }
    }

    public static async Task<JsonElement> OutreachAsync(ClusterFixture cluster, NodeProcess node, string id)
    {
        using var client = await cluster.UserClientAsync(node, ClusterFixture.AgentUser, ClusterFixture.AgentPassword);
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/outreach/{id}");
    }
}
