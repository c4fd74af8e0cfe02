namespace CheckoutWatch.LoadTests.Cli;

/// <summary>
/// Load tests only ever send traffic to this machine: a target whose host is not a loopback
/// literal (or <c>localhost</c>) is refused before a single request leaves.
/// </summary>
public static class LoopbackGuard
{
    private static readonly string[] _allowedHosts = ["127.0.0.1", "localhost", "[::1]"];

    public static Uri Parse(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"--target must be an absolute http(s) URL, not '{value}'.");
        }

        if (!IsLoopback(uri))
        {
            throw new UsageException(
                $"Refusing target '{value}': load tests send traffic to loopback only (127.0.0.1, localhost or [::1]).");
        }

        return uri;
    }

    public static bool IsLoopback(Uri uri) =>
        _allowedHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase);
}
