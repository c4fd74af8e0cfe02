using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Tests.Infrastructure;

namespace CheckoutWatch.Server.Tests.Access;

[Collection(ServerCollection.Name)]
public sealed class RotationAndAuditTests(ServerFixture server)
{
    [Fact]
    public async Task During_a_rotation_both_keys_work_and_a_revoked_one_stops_while_the_other_goes_on()
    {
        var merchant = "rot-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Accepted, (await server.PostEventsAsync(Events.Array(Events.Started(merchant, "a")), ServerFixture.RotatingCurrentKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await server.PostEventsAsync(Events.Array(Events.Started(merchant, "b")), ServerFixture.RotatingNextKey)).StatusCode);

        using var admin = await server.CreateUserClientAsync(Roles.Admin);
        var keys = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/ingest-keys");
        var rotating = keys.EnumerateArray().Where(k => k.GetProperty("name").GetString() == "rotating").ToList();
        Assert.Equal(["current", "next"], rotating.Select(k => k.GetProperty("slot").GetString()));
        Assert.DoesNotContain(ServerFixture.RotatingCurrentKey, keys.GetRawText(), StringComparison.Ordinal);

        using (var revoked = await admin.PostAsync("/api/v1/admin/ingest-keys/rotating/current/revoke", null))
        {
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await server.PostEventsAsync(Events.Array(Events.Started(merchant, "c")), ServerFixture.RotatingCurrentKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await server.PostEventsAsync(Events.Array(Events.Started(merchant, "d")), ServerFixture.RotatingNextKey)).StatusCode);
        keys = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/ingest-keys");
        Assert.True(keys.EnumerateArray().Single(k => k.GetProperty("name").GetString() == "rotating" && k.GetProperty("slot").GetString() == "current").GetProperty("revoked").GetBoolean());

        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=ingest_key.revoke&target=rotating/current");
        var entry = audit.GetProperty("entries").EnumerateArray().Single();
        Assert.Equal(ServerFixture.UserName(Roles.Admin), entry.GetProperty("actor").GetString());
    }

    [Theory]
    [InlineData("/api/v1/admin/ingest-keys/rotating/previous/revoke", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/admin/ingest-keys/no-such-key/current/revoke", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/admin/ingest-keys/all/next/revoke", HttpStatusCode.NotFound)]
    public async Task Revoking_a_key_that_is_not_configured_is_a_problem(string path, HttpStatusCode status)
    {
        using var admin = await server.CreateUserClientAsync(Roles.Admin);
        using var response = await admin.PostAsync(path, null);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Acknowledge_and_resolve_record_the_signed_in_actor_on_the_alert_and_in_the_audit_log()
    {
        var id = await TestAlerts.OpenAsync(server, "audit-" + Guid.NewGuid().ToString("N")[..8]);
        using var oncall = await server.CreateUserClientAsync(Roles.Oncall);
        using var admin = await server.CreateUserClientAsync(Roles.Admin);

        // A "by" in the body is ignored: who acts is who is signed in.
        var acked = await (await oncall.PostAsJsonAsync($"/api/v1/alerts/{id}/acknowledge", new { by = "someone-else" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ServerFixture.UserName(Roles.Oncall), acked.GetProperty("acknowledgedBy").GetString());
        var resolved = await (await admin.PostAsync($"/api/v1/alerts/{id}/resolve", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ServerFixture.UserName(Roles.Admin), resolved.GetProperty("resolvedBy").GetString());

        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?target={id}");
        var entries = audit.GetProperty("entries").EnumerateArray()
            .Select(e => (e.GetProperty("action").GetString(), e.GetProperty("actor").GetString())).ToList();
        Assert.Equal([("alert.resolve", ServerFixture.UserName(Roles.Admin)), ("alert.acknowledge", ServerFixture.UserName(Roles.Oncall))], entries);

        var prefix = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=alert.&actor={ServerFixture.UserName(Roles.Oncall)}");
        Assert.Contains(prefix.GetProperty("entries").EnumerateArray(), e => e.GetProperty("target").GetString() == id);
    }

    [Fact]
    public async Task The_audit_log_pages_newest_first_with_a_cursor()
    {
        using var admin = await server.CreateUserClientAsync(Roles.Admin);
        var names = Enumerable.Range(0, 5).Select(i => $"page-{Guid.NewGuid():N}"[..12] + i).ToList();
        foreach (var name in names)
        {
            (await admin.PostAsJsonAsync("/api/v1/admin/display-tokens", new { name })).EnsureSuccessStatusCode();
        }

        var seen = new List<string>();
        string? before = null;
        do
        {
            var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=display_token.create&limit=2{(before is null ? "" : "&before=" + before)}");
            seen.AddRange(page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("detail").GetString()!));
            before = page.GetProperty("next").GetString();
        }
        while (before is not null);

        var ours = seen.Where(names.Contains).ToList();
        Assert.Equal(Enumerable.Reverse(names), ours);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("/api/v1/audit?limit=0")]
    [InlineData("/api/v1/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")]
    public async Task Bad_audit_queries_are_400(string url)
    {
        using var admin = await server.CreateUserClientAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync(url)).StatusCode);
    }
}
