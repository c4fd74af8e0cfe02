using System.Net;
using System.Net.Http.Json;
using CheckoutWatch.Server.Auth;
using CheckoutWatch.Server.Tests.Infrastructure;

namespace CheckoutWatch.Server.Tests.Access;

/// <summary>A node that allows three sign-in attempts per address per minute.</summary>
public sealed class SignInLimitedServerFixture : ServerFixture
{
    public const int AttemptsPerMinute = 3;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>
    {
        ["CheckoutWatch:Auth:SignInAttemptsPerMinute"] = AttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class SignInRateLimitTests(SignInLimitedServerFixture server) : IClassFixture<SignInLimitedServerFixture>
{
    [Fact]
    public async Task Guessing_is_cut_off_with_429_and_retry_after_and_even_the_right_password_waits()
    {
        using var client = server.CreateCookieClient(new CookieContainer());
        for (var i = 0; i < SignInLimitedServerFixture.AttemptsPerMinute; i++)
        {
            using var wrong = await client.PostAsJsonAsync("/api/v1/auth/signin", new { name = ServerFixture.UserName(Roles.Oncall), password = "guess-" + i });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var limited = await client.PostAsJsonAsync("/api/v1/auth/signin", new { name = ServerFixture.UserName(Roles.Oncall), password = ServerFixture.Password(Roles.Oncall) });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Contains("Too many sign-in attempts", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Display tokens share the limit: guessing them is no way around it.
        using var token = await client.PostAsJsonAsync("/api/v1/auth/display", new { token = "not-a-real-display-token-0000000000000000" });
        Assert.Equal(HttpStatusCode.TooManyRequests, token.StatusCode);

        // Ingest is untouched by it.
        using var ingest = await server.PostEventsAsync(Events.Array(Events.Started("signin-limit-shop", "s1")));
        Assert.Equal(HttpStatusCode.Accepted, ingest.StatusCode);
    }
}
