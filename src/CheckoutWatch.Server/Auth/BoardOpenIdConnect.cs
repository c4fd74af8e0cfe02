using System.Security.Claims;
using CheckoutWatch.Server.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace CheckoutWatch.Server.Auth;

/// <summary>
/// The OpenID Connect option: the standard handler, configured from <c>CheckoutWatch:Auth:Oidc</c>
/// only. The provider's role claim is mapped onto CheckoutWatch roles and the result is kept in
/// the board cookie, so the rest of the node sees one kind of signed-in user.
/// </summary>
internal static class BoardOpenIdConnect
{
    public static AuthenticationBuilder AddBoardOpenIdConnect(this AuthenticationBuilder builder, OidcOptions oidc) =>
        builder.AddOpenIdConnect(BoardAuthDefaults.OidcScheme, o =>
        {
            o.SignInScheme = BoardAuthDefaults.CookieScheme;
            o.Authority = oidc.Authority;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ClientSecret;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = true;
            o.MapInboundClaims = false;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            foreach (var scope in oidc.Scopes)
            {
                o.Scope.Add(scope);
            }

            o.TokenValidationParameters.NameClaimType = oidc.NameClaim;
            o.TokenValidationParameters.RoleClaimType = oidc.RoleClaim;
            o.Events.OnTokenValidated = context =>
            {
                // Rebuild the principal as the board's own: a name and the mapped roles, nothing else.
                var source = context.Principal!;
                var name = source.FindFirst(oidc.NameClaim)?.Value ?? source.FindFirst("sub")?.Value ?? "unknown";
                var roles = source.FindAll(oidc.RoleClaim)
                    .Select(c => BoardAuthentication.RoleFromClaim(oidc, c))
                    .OfType<string>();
                context.Principal = BoardClaims.Principal(name, roles, SignInMethods.Oidc);
                return Task.CompletedTask;
            };
        });
}
