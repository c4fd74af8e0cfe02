namespace CheckoutWatch.Server.Auth;

/// <summary>A configured board user: name, PBKDF2 password hash (Identity format) and roles.</summary>
public sealed record BoardUser(string Name, string PasswordHash, IReadOnlyList<string> Roles);
