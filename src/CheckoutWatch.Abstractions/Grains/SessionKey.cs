namespace CheckoutWatch.Abstractions.Grains;

/// <summary>Session grain keys: merchant ids never contain '/', so the first '/' separates them.</summary>
public static class SessionKey
{
    public static string For(string merchantId, string sessionId) => string.Concat(merchantId, "/", sessionId);

    public static (string MerchantId, string SessionId) Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            throw new ArgumentException($"Not a session key: '{key}'.", nameof(key));
        }

        return (key[..slash], key[(slash + 1)..]);
    }
}
