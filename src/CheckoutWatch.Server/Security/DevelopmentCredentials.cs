using System.Net;

namespace CheckoutWatch.Server.Security;

/// <summary>
/// The development credentials shipped in this repository's configuration files. They are
/// public, so a node that listens beyond loopback with one of them configured refuses to start.
/// </summary>
public static class DevelopmentCredentials
{
    public static readonly IReadOnlySet<string> KnownKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "cw-dev-ingest-key-not-for-production",
        "cw-compose-demo-key-change-me",
    };

    /// <summary>The board users of appsettings.Development.json, one per role; their password is <c>cw-dev-{role}-password</c>.</summary>
    public static string PasswordFor(string role) => $"cw-dev-{role}-password";

    /// <summary>
    /// Why the node must not start, or null when it may. <paramref name="plainTextPasswordUsers"/>
    /// names the board users configured with a plain-text Password (not a PasswordHash).
    /// </summary>
    public static string? Violation(IEnumerable<string> listenAddresses, IEnumerable<string?> configuredKeys, IEnumerable<string>? plainTextPasswordUsers = null)
    {
        var exposed = listenAddresses.Where(a => !IsLoopback(a)).ToList();
        if (exposed.Count == 0)
        {
            return null;
        }

        var where = $"Refusing to start: the node listens beyond loopback ({string.Join(", ", exposed)}) while ";
        if (configuredKeys.Any(k => k is not null && KnownKeys.Contains(k)))
        {
            return where + "a development ingest key from this repository is configured. Configure your own keys " +
                   "(CheckoutWatch:Ingest:Keys, preferably as KeyHash) or listen on 127.0.0.1 only. See docs/configuration.md.";
        }

        if (plainTextPasswordUsers?.ToList() is { Count: > 0 } users)
        {
            return where + $"board users have plain-text passwords ({string.Join(", ", users.Take(10))}). Configure them with " +
                   "PasswordHash (made by `checkoutwatch hash-password`) or listen on 127.0.0.1 only. See docs/security.md.";
        }

        return null;
    }

    internal static bool IsLoopback(string address)
    {
        if (!Uri.TryCreate(address.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        if (uri.IsLoopback)
        {
            return true;
        }

        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }
}
