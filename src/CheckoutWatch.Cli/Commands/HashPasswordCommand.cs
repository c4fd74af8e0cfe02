using Microsoft.AspNetCore.Identity;

namespace CheckoutWatch.Cli.Commands;

/// <summary>
/// <c>checkoutwatch hash-password</c>: reads a password from standard input (one line) and prints
/// its ASP.NET Core Identity PBKDF2 hash for <c>CheckoutWatch:Auth:Users:N:PasswordHash</c>.
/// </summary>
internal static class HashPasswordCommand
{
    public static int Run()
    {
        var password = Console.In.ReadLine();
        if (string.IsNullOrEmpty(password) || password.Length < 12)
        {
            Console.Error.WriteLine("Give the password (at least 12 characters) on standard input.");
            return 2;
        }

        Console.WriteLine(new PasswordHasher<object>().HashPassword(new object(), password));
        return 0;
    }
}
