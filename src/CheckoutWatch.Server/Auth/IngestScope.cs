using System.Security.Claims;

namespace CheckoutWatch.Server.Auth;

/// <summary>Which merchants the caller's ingest key covers.</summary>
public sealed class IngestScope(HashSet<string> merchants)
{
    public bool Covers(string merchantId) => merchants.Contains("*") || merchants.Contains(merchantId);

    public static IngestScope Of(ClaimsPrincipal user) => new(
        [.. user.FindAll(IngestKeyDefaults.MerchantClaim).Select(c => c.Value)]);
}
