using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CheckoutWatch.Server.Auth;

/// <summary>Authenticates ingest calls by the <c>X-Api-Key</c> header.</summary>
public sealed class IngestKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IngestKeyStore keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(IngestKeyDefaults.Header, out var values) || values.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = values.ToString();
        if (presented.Length is 0 or > 512 || keys.Find(presented) is not { } key)
        {
            // The key itself is never logged or echoed.
            return Task.FromResult(AuthenticateResult.Fail("Unknown ingest key."));
        }

        var claims = new List<Claim>(key.Merchants.Count + 1) { new(IngestKeyDefaults.KeyNameClaim, key.Name) };
        claims.AddRange(key.Merchants.Select(m => new Claim(IngestKeyDefaults.MerchantClaim, m)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, IngestKeyDefaults.Scheme));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, IngestKeyDefaults.Scheme)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "A valid ingest key is required.",
                Detail = $"Send the merchant's ingest key in the {IngestKeyDefaults.Header} header.",
                Type = "https://checkoutwatch.dev/problems/unauthorized",
            },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = "This key may not do that." },
        });
    }
}
