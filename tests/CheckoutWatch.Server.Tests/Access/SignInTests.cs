using System.Net;
using System.Net.Http.Json;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Tests.Infrastructure;

namespace CheckoutWatch.Server.Tests.Access;

[Collection(ServerCollection.Name)]
public sealed class SignInTests(ServerFixture server)
{
    [Theory]
    [InlineData("test-oncall", "wrong-password-000")]
    [InlineData("nobody-here", "test-oncall-password-0001")]
    public async Task A_wrong_name_or_password_is_401_and_sets_no_session(string name, string password)
    {
        var cookies = new CookieContainer();
        using var client = server.CreateCookieClient(cookies);
        using var response = await client.PostAsJsonAsync("/api/v1/auth/signin", new { name, password });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(cookies.GetCookies(server.BaseAddress));
    }

    [Theory]
    [InlineData("/?view=wall", "/?view=wall")]
    [InlineData("//evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    public async Task The_sign_in_form_redirects_only_within_the_node(string returnUrl, string expected)
    {
        var cookies = new CookieContainer();
        using var client = server.CreateCookieClient(cookies);
        using var response = await client.PostAsync("/api/v1/auth/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = ServerFixture.UserName(Roles.Wall),
            ["password"] = ServerFixture.Password(Roles.Wall),
            ["returnUrl"] = returnUrl,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
        var cookie = cookies.GetCookies(server.BaseAddress)[BoardAuthDefaults.CookieName];
        Assert.NotNull(cookie);
        Assert.True(cookie.HttpOnly);
    }

    [Fact]
    public async Task A_failed_form_sign_in_goes_back_to_the_sign_in_page()
    {
        using var client = server.CreateCookieClient(new CookieContainer());
        using var response = await client.PostAsync("/api/v1/auth/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = ServerFixture.UserName(Roles.Wall),
            ["password"] = "not-the-password",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin.html?failed=1", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        using var client = await server.CreateUserClientAsync(Roles.Agent);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/auth/signout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_body_that_is_not_a_form_or_json_is_415_and_missing_fields_400()
    {
        using var client = server.CreateCookieClient(new CookieContainer());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.PostAsync("/api/v1/auth/signin", new StringContent("x"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/v1/auth/signin", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/v1/auth/signin", new StringContent("{", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("https://evil.example", null)]
    [InlineData(null, "cross-site")]
    [InlineData(null, "same-site")]
    public async Task A_state_changing_call_with_the_session_cookie_from_another_origin_is_403(string? origin, string? fetchSite)
    {
        var cookies = new CookieContainer();
        cookies.Add(server.BaseAddress, await server.SignInCookieAsync(Roles.Oncall));
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = server.BaseAddress };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alerts/al-none/acknowledge");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("cross-origin", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The same call from the board's own origin goes through (to the 404 of the made-up alert).
        var same = new HttpRequestMessage(HttpMethod.Post, "/api/v1/alerts/al-none/acknowledge");
        same.Headers.Add("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(same)).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_posted_from_another_origin_is_403()
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Add("Origin", "https://evil.example");
        using var response = await client.PostAsJsonAsync("/api/v1/auth/signin", new { name = ServerFixture.UserName(Roles.Admin), password = ServerFixture.Password(Roles.Admin) });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
