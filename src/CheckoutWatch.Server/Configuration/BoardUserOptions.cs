using System.ComponentModel.DataAnnotations;

namespace CheckoutWatch.Server.Configuration;

/// <summary>
/// One person who signs in to the board with a name and password. Give <see cref="PasswordHash"/>
/// (ASP.NET Core Identity's PBKDF2 format, made with <c>checkoutwatch hash-password</c>);
/// <see cref="Password"/> in plain text is for development on loopback only: a node that listens
/// beyond loopback with a plain-text password configured refuses to start.
/// </summary>
public sealed class BoardUserOptions
{
    [Required, RegularExpression("^[A-Za-z0-9._@-]{1,64}$", ErrorMessage = "Name: 1–64 characters of A-Z a-z 0-9 . _ @ -.")]
    public string Name { get; set; } = "";

    public string? PasswordHash { get; set; }

    public string? Password { get; set; }

    /// <summary>wall, agent, oncall and/or admin.</summary>
    [MinLength(1)]
    public List<string> Roles { get; set; } = [];
}
