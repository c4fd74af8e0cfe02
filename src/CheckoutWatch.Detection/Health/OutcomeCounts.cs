namespace CheckoutWatch.Detection.Health;

/// <summary>Counts of one stream in one interval.</summary>
public record struct OutcomeCounts(int Started, int Attempts, int Successes, int Failures)
{
    /// <summary>Payments that reached an outcome.</summary>
    public readonly int Outcomes => Successes + Failures;

    /// <summary>Share of outcomes that succeeded, or null with no outcome.</summary>
    public readonly double? SuccessRate => Outcomes == 0 ? null : (double)Successes / Outcomes;

    public static OutcomeCounts operator +(OutcomeCounts a, OutcomeCounts b) =>
        new(a.Started + b.Started, a.Attempts + b.Attempts, a.Successes + b.Successes, a.Failures + b.Failures);
}
