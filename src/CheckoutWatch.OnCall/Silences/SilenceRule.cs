namespace CheckoutWatch.OnCall.Silences;

/// <summary>
/// A silence (maintenance window): alerts of the merchant, kind and dimension (each null = any)
/// that are live between <see cref="StartsAt"/> and <see cref="EndsAt"/> stay on the board,
/// marked, but notify nobody. <see cref="DimensionKind"/>/<see cref="DimensionValue"/> match the
/// alert's slice (e.g. psp/adyen).
/// </summary>
public sealed record SilenceRule(
    string? MerchantId,
    string? Kind,
    string? DimensionKind,
    string? DimensionValue,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt)
{
    public bool ActiveAt(DateTimeOffset at) => StartsAt <= at && at < EndsAt;

    public bool Covers(string merchantId, string kind, string dimensionKind, string dimensionValue) =>
        Matches(MerchantId, merchantId) && Matches(Kind, kind)
        && Matches(DimensionKind, dimensionKind) && Matches(DimensionValue, dimensionValue);

    private static bool Matches(string? pattern, string value) =>
        pattern is null || string.Equals(pattern, value, StringComparison.Ordinal);
}
