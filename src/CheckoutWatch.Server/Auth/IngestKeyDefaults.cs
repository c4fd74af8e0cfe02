namespace CheckoutWatch.Server.Auth;

public static class IngestKeyDefaults
{
    public const string Scheme = "IngestKey";
    public const string Header = "X-Api-Key";
    public const string Policy = "ingest";
    public const string MerchantClaim = "cw:merchant";
    public const string KeyNameClaim = "cw:ingest_key";
}
