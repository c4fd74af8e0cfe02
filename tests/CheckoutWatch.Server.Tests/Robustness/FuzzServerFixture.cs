using CheckoutWatch.Server.Tests.Infrastructure;

namespace CheckoutWatch.Server.Tests.Robustness;

/// <summary>A node of its own with one more key whose rate limit the fuzzer cannot reach.</summary>
public sealed class FuzzServerFixture : ServerFixture
{
    public const string FuzzKey = "test-ingest-key-fuzz-unlimited-01";

    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>
    {
        ["CheckoutWatch:Ingest:Keys:3:Name"] = "fuzz",
        ["CheckoutWatch:Ingest:Keys:3:Key"] = FuzzKey,
        ["CheckoutWatch:Ingest:Keys:3:Merchants:0"] = "*",
        ["CheckoutWatch:Ingest:Keys:3:RequestsPerSecond"] = "1000000",
        ["CheckoutWatch:Ingest:Keys:3:Burst"] = "1000000",
    };
}
