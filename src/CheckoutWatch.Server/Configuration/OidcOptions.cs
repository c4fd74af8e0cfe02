namespace CheckoutWatch.Server.Configuration;

/// <summary>
/// Section <c>CheckoutWatch:Auth:Oidc</c>: sign-in through an OpenID Connect provider with the
/// standard handler. Off unless <see cref="Authority"/> is set.
/// </summary>
public sealed class OidcOptions
{
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The claim of the ID token that carries the user's roles (mapped onto wall/agent/oncall/admin).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim used as the person's name in the board and the audit log.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>Extra scopes beyond openid and profile.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>Provider role names mapped to CheckoutWatch roles, e.g. <c>payments-oncall: oncall</c>; unmapped names pass through when they are CheckoutWatch roles.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.Ordinal);

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
