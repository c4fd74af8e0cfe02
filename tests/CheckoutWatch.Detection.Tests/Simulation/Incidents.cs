namespace CheckoutWatch.Detection.Tests.Simulation;

/// <summary>Injected incidents: extra failures of one kind on a slice of traffic.</summary>
internal static class Incidents
{
    /// <summary>Raises the failure rate of matching attempts from base to target with technical failures.</summary>
    public static Func<Attempt, Random, Outcome?> Technical(Func<Attempt, bool> where, double baseRate, double targetRate) =>
        (a, rng) => where(a) && rng.NextDouble() < Extra(baseRate, targetRate) ? Outcome.Technical(rng) : null;

    /// <summary>Raises the failure rate of matching attempts with customer-side declines (51, 05, N7 …).</summary>
    public static Func<Attempt, Random, Outcome?> CustomerDeclines(Func<Attempt, bool> where, double baseRate, double targetRate) =>
        (a, rng) => where(a) && rng.NextDouble() < Extra(baseRate, targetRate) ? Outcome.Customer(rng) : null;

    /// <summary>Every matching attempt fails technically.</summary>
    public static Func<Attempt, Random, Outcome?> Outage(Func<Attempt, bool> where) =>
        (a, rng) => where(a) ? Outcome.Technical(rng) : null;

    // Forced failures come first and the base model applies to the rest: p_forced + (1 - p_forced) × base = target.
    private static double Extra(double baseRate, double targetRate) => (targetRate - baseRate) / (1 - baseRate);
}
