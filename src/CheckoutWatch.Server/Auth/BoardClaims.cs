using System.Security.Claims;

namespace CheckoutWatch.Server.Auth;

/// <summary>The claims a board sign-in carries, and the principal built from them.</summary>
public static class BoardClaims
{
    /// <summary>The id of the display token a wall display signed in with (its revocation is checked on every call).</summary>
    public const string DisplayTokenId = "cw:display_token";

    /// <summary>How the person signed in: password, display-token or oidc.</summary>
    public const string Method = "cw:signin_method";

    public static ClaimsPrincipal Principal(string name, IEnumerable<string> roles, string method, string? displayTokenId = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(Method, method) };
        claims.AddRange(roles.Distinct(StringComparer.Ordinal).Select(r => new Claim(ClaimTypes.Role, r)));
        if (displayTokenId is not null)
        {
            claims.Add(new Claim(DisplayTokenId, displayTokenId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, BoardAuthDefaults.CookieScheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>Who acts, as the audit log and alerts record it.</summary>
    public static string Actor(this ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";

    public static IReadOnlyList<string> RolesOf(this ClaimsPrincipal user) =>
        [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value).Where(Roles.IsKnown).Distinct(StringComparer.Ordinal)];
}
