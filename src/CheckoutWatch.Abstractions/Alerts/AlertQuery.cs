namespace CheckoutWatch.Abstractions.Alerts;

/// <summary>Filters for listing alerts; null means any.</summary>
[GenerateSerializer, Immutable]
public sealed record AlertQuery(
    [property: Id(0)] string? Status = null,
    [property: Id(1)] string? MerchantId = null,
    [property: Id(2)] string? Kind = null,
    [property: Id(3)] int Limit = 500);
