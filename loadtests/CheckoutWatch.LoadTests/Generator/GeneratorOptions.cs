namespace CheckoutWatch.LoadTests.Generator;

/// <summary>Shape of the generated traffic.</summary>
public sealed record GeneratorOptions
{
    public int Merchants { get; init; } = 100;
    public string MerchantPrefix { get; init; } = "merchant-";

    /// <summary>Sessions open at once; events of different sessions interleave, each session's events stay in order.</summary>
    public int ActiveSessions { get; init; } = 10_000;
    public int Seed { get; init; } = 42;

    /// <summary>Makes event and session ids unique per run (a resend would be a duplicate).</summary>
    public required string RunTag { get; init; }

    /// <summary>
    /// Start in the steady state: run the open sessions forward (events discarded) so the first
    /// batch already mixes all event types instead of being all <c>checkout_started</c>. The
    /// target then sees some sessions mid-way, as it would when traffic was already flowing.
    /// </summary>
    public bool SteadyStart { get; init; } = true;

    /// <summary>Share of payment attempts that succeed.</summary>
    public double SuccessShare { get; init; } = 0.92;
}
