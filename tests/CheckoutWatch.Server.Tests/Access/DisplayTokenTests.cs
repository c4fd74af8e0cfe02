using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CheckoutWatch.Server.Tests.Access;

[Collection(ServerCollection.Name)]
public sealed class DisplayTokenTests(ServerFixture server)
{
    [Fact]
    public async Task A_display_token_gives_the_wall_role_until_revoked_and_then_the_next_request_and_hub_call_fail()
    {
        using var admin = await server.CreateUserClientAsync(Roles.Admin);
        var name = "lobby-" + Guid.NewGuid().ToString("N")[..6];
        using var created = await admin.PostAsJsonAsync("/api/v1/admin/display-tokens", new { name });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("token").GetString()!;
        var id = body.GetProperty("info").GetProperty("id").GetString()!;
        Assert.StartsWith(DisplayTokens.Prefix, token, StringComparison.Ordinal);
        Assert.True(token.Length >= 40);
        Assert.Equal($"/display.html#token={token}", body.GetProperty("url").GetString());

        // The listing never shows the token.
        var listed = await admin.GetStringAsync("/api/v1/admin/display-tokens");
        Assert.Contains(id, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(token, listed, StringComparison.Ordinal);

        var cookies = new CookieContainer();
        using var display = server.CreateCookieClient(cookies);
        using (var signIn = await display.PostAsJsonAsync("/api/v1/auth/display", new { token }))
        {
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        }

        var me = await display.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal([Roles.Wall], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await display.PostAsync("/api/v1/alerts/al-none/acknowledge", null)).StatusCode);

        await using var hub = server.CreateHub(cookies.GetCookies(server.BaseAddress)[BoardAuthDefaults.CookieName]);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await hub.StartAsync();
        await hub.InvokeAsync<JsonElement>("GetSnapshot");

        using (var revoked = await admin.PostAsync($"/api/v1/admin/display-tokens/{id}/revoke", null))
        {
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await display.GetAsync("/api/v1/me")).StatusCode);
        // The display's open connection is closed by the revocation itself: a listening wall
        // display receives nothing more, and a call fails.
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAnyAsync<Exception>(() => hub.InvokeAsync<JsonElement>("GetSnapshot"));

        // Neither the token nor a fresh sign-in with it works again.
        using var again = server.CreateCookieClient(new CookieContainer());
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.PostAsJsonAsync("/api/v1/auth/display", new { token })).StatusCode);

        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?target={id}");
        var actions = audit.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("display_token.create", actions);
        Assert.Contains("display_token.revoke", actions);
        Assert.Contains("session.signin", actions);
    }

    [Fact]
    public async Task A_hub_call_from_a_revoked_display_is_refused_and_its_connection_closed()
    {
        using var admin = await server.CreateUserClientAsync(Roles.Admin);
        var body = await (await admin.PostAsJsonAsync("/api/v1/admin/display-tokens", new { name = "hall" })).Content.ReadFromJsonAsync<JsonElement>();
        var cookies = new CookieContainer();
        using var display = server.CreateCookieClient(cookies);
        (await display.PostAsJsonAsync("/api/v1/auth/display", new { token = body.GetProperty("token").GetString() })).EnsureSuccessStatusCode();
        await using var hub = server.CreateHub(cookies.GetCookies(server.BaseAddress)[BoardAuthDefaults.CookieName]);
        await hub.StartAsync();

        // Revoked in the grain only, as another node would: this node's connection learns it on its next call.
        await server.Services.GetRequiredService<IGrainFactory>()
            .GetGrain<CheckoutWatch.Abstractions.Security.IDisplayTokenGrain>(0).RevokeAsync(body.GetProperty("info").GetProperty("id").GetString()!, "another-node");
        await Assert.ThrowsAnyAsync<Exception>(() => hub.InvokeAsync<JsonElement>("GetSnapshot"));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (hub.State != HubConnectionState.Disconnected)
        {
            Assert.True(DateTime.UtcNow < deadline, "The connection stayed open.");
            await Task.Delay(20);
        }
    }

    [Theory]
    [InlineData("cwd_not-a-real-token-at-all-0000000000000000")]
    [InlineData("no-prefix")]
    public async Task An_unknown_display_token_is_refused(string token)
    {
        using var client = server.CreateCookieClient(new CookieContainer());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/display", new { token })).StatusCode);
    }

    [Fact]
    public async Task A_display_token_needs_a_name()
    {
        using var admin = await server.CreateUserClientAsync(Roles.Admin);
        using var response = await admin.PostAsJsonAsync("/api/v1/admin/display-tokens", new { name = " " });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_hub_refuses_a_connection_without_a_session()
    {
        await using var hub = server.CreateHub(cookie: null);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }
}
