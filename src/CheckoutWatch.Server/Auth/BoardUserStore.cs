using CheckoutWatch.Server.Configuration;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CheckoutWatch.Server.Auth;

/// <summary>
/// The configured board users. Passwords are checked with ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2-HMAC-SHA512, salted); a plain-text development
/// password is hashed once at start so that every check takes the same path.
/// </summary>
public sealed class BoardUserStore
{
    private readonly PasswordHasher<BoardUser> _hasher = new();
    private readonly Dictionary<string, BoardUser> _users;

    // Checked against when the name is unknown, so that timing does not tell which names exist.
    private readonly BoardUser _nobody;

    public BoardUserStore(IOptions<AuthOptions> options)
    {
        _users = options.Value.Users.ToDictionary(
            u => u.Name,
            u => new BoardUser(u.Name, u.PasswordHash ?? _hasher.HashPassword(null!, u.Password!), [.. u.Roles]),
            StringComparer.OrdinalIgnoreCase);
        _nobody = new BoardUser("", _hasher.HashPassword(null!, Guid.NewGuid().ToString("N")), []);
    }

    public int Count => _users.Count;

    public BoardUser? ByName(string name) => _users.GetValueOrDefault(name);

    /// <summary>The user when the password is right, otherwise null.</summary>
    public BoardUser? Verify(string name, string password)
    {
        var user = _users.GetValueOrDefault(name);
        var result = _hasher.VerifyHashedPassword(user ?? _nobody, (user ?? _nobody).PasswordHash, password);
        return user is not null && result != PasswordVerificationResult.Failed ? user : null;
    }

    /// <summary>A hash for configuration (<c>checkoutwatch hash-password</c> prints the same format).</summary>
    public static string HashPassword(string password) => new PasswordHasher<BoardUser>().HashPassword(null!, password);
}
