namespace CheckoutWatch.Server.Demo;

/// <summary>A simulated shop: its traffic share, PSPs, methods and base failure rate.</summary>
internal sealed record DemoMerchant(
    string Id,
    double Weight,
    string[] Psps,
    string Currency,
    string Country,
    double BaseFailureRate,
    long TypicalAmountMinor);
