using System.ComponentModel.DataAnnotations;
using CheckoutWatch.Server.Auth;

namespace CheckoutWatch.Server.Configuration;

/// <summary>Section <c>CheckoutWatch:Auth</c>: board users, session lifetime, OpenID Connect, proxies.</summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string Section = "CheckoutWatch:Auth";

    public List<BoardUserOptions> Users { get; set; } = [];

    /// <summary>How long a sign-in lasts without use (sliding).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    public OidcOptions Oidc { get; set; } = new();

    /// <summary>Sign-in attempts (passwords and display tokens) one client address may make per minute; past it, 429.</summary>
    [Range(1, 1_000_000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>Proxies whose X-Forwarded-For/-Proto/-Host headers are trusted (IP addresses).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. 10.0.0.0/8.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>The Identity v3 format: base64 of a 0x01 marker, PRF, iterations, salt and subkey.</summary>
    private static bool IsIdentityHash(string hash)
    {
        var bytes = new byte[hash.Length];
        return Convert.TryFromBase64String(hash, bytes, out var length) && length > 13 && bytes[0] == 0x01;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Users.Count; i++)
        {
            var user = Users[i];
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(user, new ValidationContext(user), results, validateAllProperties: true);
            foreach (var r in results)
            {
                yield return new ValidationResult($"Users[{i}]: {r.ErrorMessage}", [nameof(Users)]);
            }

            if (string.IsNullOrEmpty(user.Password) == string.IsNullOrEmpty(user.PasswordHash))
            {
                yield return new ValidationResult($"Users[{i}] ('{user.Name}'): set exactly one of Password or PasswordHash.", [nameof(Users)]);
            }

            if (user.PasswordHash is { Length: > 0 } hash && !IsIdentityHash(hash))
            {
                yield return new ValidationResult($"Users[{i}] ('{user.Name}'): PasswordHash is not an ASP.NET Core Identity hash (make one with `checkoutwatch hash-password`).", [nameof(Users)]);
            }

            if (user.Password is { Length: > 0 and < 12 })
            {
                yield return new ValidationResult($"Users[{i}] ('{user.Name}'): a password needs at least 12 characters.", [nameof(Users)]);
            }

            if (user.Roles.FirstOrDefault(r => !Roles.IsKnown(r)) is { } unknown)
            {
                yield return new ValidationResult($"Users[{i}] ('{user.Name}'): unknown role '{unknown}' (use {string.Join(", ", Roles.All)}).", [nameof(Users)]);
            }

            if (!names.Add(user.Name))
            {
                yield return new ValidationResult($"Users[{i}]: the name '{user.Name}' is configured twice.", [nameof(Users)]);
            }
        }

        if (SessionLifetime < TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult("SessionLifetime must be at least a minute.", [nameof(SessionLifetime)]);
        }

        if (Oidc.Enabled && string.IsNullOrWhiteSpace(Oidc.ClientId))
        {
            yield return new ValidationResult("Oidc:ClientId is required when Oidc:Authority is set.", [nameof(Oidc)]);
        }

        foreach (var proxy in KnownProxies.Where(p => !System.Net.IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"KnownProxies: '{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"KnownNetworks: '{network}' is not a CIDR network.", [nameof(KnownNetworks)]);
        }
    }
}
