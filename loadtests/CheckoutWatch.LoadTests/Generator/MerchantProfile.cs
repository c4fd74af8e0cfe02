namespace CheckoutWatch.LoadTests.Generator;

/// <summary>A generated merchant: its id, home market and the PSPs it routes through (primary first).</summary>
public sealed record MerchantProfile(string Id, string Country, string Currency, int MinorPerMajor, double Basket, string[] Psps);
