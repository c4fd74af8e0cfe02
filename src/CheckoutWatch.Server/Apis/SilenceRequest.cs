namespace CheckoutWatch.Server.Apis;

/// <summary>
/// A new silence: any of merchant, kind and dimension may be left out (= any). It starts at
/// <see cref="StartsAt"/> (default now) and ends at <see cref="EndsAt"/> or after <see cref="DurationMinutes"/>.
/// </summary>
public sealed record SilenceRequest(
    string? MerchantId,
    string? Kind,
    SilenceDimension? Dimension,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    int? DurationMinutes,
    string? Reason);

/// <summary>The slice a silence covers: kind (psp, payment_method ...) and optionally one value.</summary>
public sealed record SilenceDimension(string? Kind, string? Value);
