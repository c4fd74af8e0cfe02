using CheckoutWatch.Abstractions.Security;

namespace CheckoutWatch.Grains.Security;

[GenerateSerializer]
public sealed class IngestKeyRevocationState
{
    /// <summary>Revocations by key hash (hex, upper case).</summary>
    [Id(0)] public Dictionary<string, IngestKeyRevocation> ByHash { get; set; } = new(StringComparer.Ordinal);
}
