using System.Net;
using System.Net.Http.Json;

namespace CheckoutWatch.LoadTests.Node;

/// <summary>
/// The session cookie the harness's board clients share: one sign-in per node, as the development
/// wall user unless <c>CHECKOUTWATCH_BOARD_USER</c> and <c>CHECKOUTWATCH_BOARD_PASSWORD</c> say otherwise.
/// </summary>
public static class BoardSession
{
    private static readonly SemaphoreSlim _gate = new(1, 1);
    private static readonly Dictionary<Uri, Cookie> _cookies = [];

    public static async Task<Cookie> CookieAsync(Uri nodeBase, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cookies.TryGetValue(nodeBase, out var known))
            {
                return known;
            }

            var cookies = new CookieContainer();
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = nodeBase };
            client.DefaultRequestHeaders.Add("Origin", Origin(nodeBase));
            var name = Environment.GetEnvironmentVariable("CHECKOUTWATCH_BOARD_USER") is { Length: > 0 } user ? user : "dev-wall";
            var password = Environment.GetEnvironmentVariable("CHECKOUTWATCH_BOARD_PASSWORD") is { Length: > 0 } p ? p : "cw-dev-wall-password";
            using var response = await client.PostAsJsonAsync("/api/v1/auth/signin", new { name, password }, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Signing in to {nodeBase} as {name} answered {(int)response.StatusCode}.");
            }

            var cookie = cookies.GetCookies(nodeBase)["cw.session"] ?? throw new InvalidOperationException("The node set no session cookie.");
            _cookies[nodeBase] = cookie;
            return cookie;
        }
        finally
        {
            _gate.Release();
        }
    }

    public static string Origin(Uri nodeBase) => nodeBase.GetLeftPart(UriPartial.Authority);
}
