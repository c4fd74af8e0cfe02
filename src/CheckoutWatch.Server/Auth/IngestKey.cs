namespace CheckoutWatch.Server.Auth;

/// <summary>
/// A configured ingest key: its name, which of the name's two keys it is (<see cref="IngestKeySlots"/>:
/// current or, during a rotation, next), the SHA-256 of its text, and its merchant scope.
/// </summary>
public sealed record IngestKey(string Name, string Slot, byte[] Hash, IReadOnlySet<string> Merchants, int RequestsPerSecond, int Burst)
{
    public bool AllMerchants => Merchants.Contains("*");

    /// <summary>The hash in hex (upper case): how a revocation names the key. Not secret.</summary>
    public string HashHex { get; } = Convert.ToHexString(Hash);

    /// <summary>The first 8 hex characters of the hash: enough for a person to tell two keys apart.</summary>
    public string Fingerprint => HashHex[..8];

    public bool Covers(string merchantId) => AllMerchants || Merchants.Contains(merchantId);
}
