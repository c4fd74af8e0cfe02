namespace CheckoutWatch.Server.Auth;

/// <summary>A configured ingest key: its name, the SHA-256 of its text, and its merchant scope.</summary>
public sealed record IngestKey(string Name, byte[] Hash, IReadOnlySet<string> Merchants, int RequestsPerSecond, int Burst)
{
    public bool AllMerchants => Merchants.Contains("*");

    public bool Covers(string merchantId) => AllMerchants || Merchants.Contains(merchantId);
}
