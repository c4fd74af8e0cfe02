using CheckoutWatch.Abstractions.Security;

namespace CheckoutWatch.Grains.Security;

[GenerateSerializer]
public sealed class DisplayTokenState
{
    /// <summary>Tokens by id.</summary>
    [Id(0)] public Dictionary<string, DisplayTokenInfo> Tokens { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Token id by SHA-256 of the token (hex, upper case).</summary>
    [Id(1)] public Dictionary<string, string> IdByHash { get; set; } = new(StringComparer.Ordinal);

    [Id(2)] public long NextNumber { get; set; } = 1;
}
