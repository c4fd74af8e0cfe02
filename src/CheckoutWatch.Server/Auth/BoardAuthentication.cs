using System.Security.Claims;
using CheckoutWatch.Server.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CheckoutWatch.Server.Auth;

/// <summary>
/// Authentication and authorization of the node in one place: the board's cookie (password,
/// display token or OpenID Connect sign-in all end in it), ingest keys for <c>POST /api/v1/events</c>
/// only, and one authorization policy per entry of <see cref="Policies.RolesFor"/>.
/// </summary>
public static class BoardAuthentication
{
    public static IServiceCollection AddBoardAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BoardUserStore>();
        services.AddSingleton<IngestKeyStore>();
        services.AddSingleton<SessionValidator>();
        services.AddSingleton<DisplayTokens>();
        services.AddSingleton<Customers.CustomerDataAccess>();
        services.AddSingleton<Hubs.DisplayConnections>();
        services.AddHostedService(sp => sp.GetRequiredService<Hubs.DisplayConnections>());
        services.AddSingleton<IngestKeyRevocations>();
        services.AddHostedService(sp => sp.GetRequiredService<IngestKeyRevocations>());

        // The default scheme picks by what the request carries, so that the user is known before
        // the rate limiter (per ingest key) runs; policies still name the scheme they accept.
        var authentication = services.AddAuthentication(BoardAuthDefaults.SelectorScheme)
            .AddPolicyScheme(BoardAuthDefaults.SelectorScheme, "ingest key or board cookie", o =>
                o.ForwardDefaultSelector = context => context.Request.Headers.ContainsKey(IngestKeyDefaults.Header)
                    ? IngestKeyDefaults.Scheme
                    : BoardAuthDefaults.CookieScheme)
            .AddCookie(BoardAuthDefaults.CookieScheme, _ => { })
            .AddScheme<AuthenticationSchemeOptions, IngestKeyAuthenticationHandler>(IngestKeyDefaults.Scheme, null);
        services.AddOptions<CookieAuthenticationOptions>(BoardAuthDefaults.CookieScheme)
            .Configure<IOptions<AuthOptions>>((cookie, auth) => ConfigureCookie(cookie, auth.Value));

        var oidc = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>()?.Oidc ?? new OidcOptions();
        if (oidc.Enabled)
        {
            authentication.AddBoardOpenIdConnect(oidc);
        }

        var authorization = services.AddAuthorizationBuilder()
            .AddPolicy(IngestKeyDefaults.Policy, p => p.AddAuthenticationSchemes(IngestKeyDefaults.Scheme).RequireAuthenticatedUser());
        // No fallback policy: routing's own answers (415 for a wrong content type, 405) have no
        // endpoint metadata and would turn into 401s. Instead a test checks that every endpoint
        // names a policy or is explicitly anonymous (EndpointPolicyTests).
        foreach (var (policy, roles) in Policies.RolesFor)
        {
            authorization.AddPolicy(policy, BoardPolicy(roles));
        }

        return services;
    }

    /// <summary>Board policies look at the board cookie only: an ingest key never grants board access.</summary>
    private static AuthorizationPolicy BoardPolicy(params string[] roles) => new AuthorizationPolicyBuilder(BoardAuthDefaults.CookieScheme)
        .RequireAuthenticatedUser()
        .RequireRole(roles)
        .Build();

    private static void ConfigureCookie(CookieAuthenticationOptions cookie, AuthOptions auth)
    {
        cookie.Cookie.Name = BoardAuthDefaults.CookieName;
        cookie.Cookie.HttpOnly = true;
        // Strict: a cross-site page can neither send requests with the cookie nor open the hub with it.
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = auth.SessionLifetime;
        cookie.SlidingExpiration = true;
        cookie.LoginPath = BoardAuthDefaults.SignInPage;
        cookie.Events = new CookieAuthenticationEvents
        {
            // API and hub callers get a problem answer, not a redirect to the sign-in page.
            OnRedirectToLogin = context => AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized),
            OnRedirectToAccessDenied = context => AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden),
            OnValidatePrincipal = async context =>
            {
                var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionValidator>();
                if (context.Principal is not { } principal || !await sessions.IsCurrentAsync(principal))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(BoardAuthDefaults.CookieScheme);
                }
            },
        };
    }

    internal static string? RoleFromClaim(OidcOptions oidc, Claim claim) =>
        oidc.RoleMap.TryGetValue(claim.Value, out var mapped) ? mapped
        : Roles.IsKnown(claim.Value) ? claim.Value
        : null;
}
