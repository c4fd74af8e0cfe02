namespace CheckoutWatch.Fuzz;

/// <summary>What one run does: how many requests, how fast, how long at most, from which seed.</summary>
public sealed record FuzzSettings
{
    public int Seed { get; init; } = 1;
    public int Requests { get; init; } = 100_000;
    public int Concurrency { get; init; } = 8;
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(12);

    /// <summary>Prefix of every merchant, session and event id of the run (so runs against one node never collide).</summary>
    public string RunId { get; init; } = "fz1";

    /// <summary>The node's <c>MaxBodyBytes</c> and <c>MaxBatchEvents</c>, to build requests just past them.</summary>
    public int MaxBodyBytes { get; init; } = 4 * 1024 * 1024;
    public int MaxBatchEvents { get; init; } = 5_000;

    /// <summary>Writes a progress line every this many requests (0: never).</summary>
    public int ProgressEvery { get; init; }
}
