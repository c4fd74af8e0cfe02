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

    /// <summary>Why the node must not start, or null when it may.</summary>
    public static string? Violation(IEnumerable<string> listenAddresses, IEnumerable<string?> configuredKeys)
    {
        var exposed = listenAddresses.Where(a => !IsLoopback(a)).ToList();
        var developmentKeys = configuredKeys.Count(k => k is not null && KnownKeys.Contains(k));
        if (exposed.Count == 0 || developmentKeys == 0)
        {
            return null;
        }

        return $"Refusing to start: the node listens beyond loopback ({string.Join(", ", exposed)}) while a development ingest key " +
               "from this repository is configured. Configure your own keys (CheckoutWatch:Ingest:Keys, preferably as KeyHash) " +
               "or listen on 127.0.0.1 only. See docs/configuration.md.";
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
