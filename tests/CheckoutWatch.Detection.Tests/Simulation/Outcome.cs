using CheckoutWatch.Detection.Events;

namespace CheckoutWatch.Detection.Tests.Simulation;

/// <summary>A drawn failure: decline code and failure kind.</summary>
internal sealed record Outcome(string? DeclineCode, FailureKind Kind)
{
    public static Outcome Technical(Random rng) => rng.Next(3) switch
    {
        0 => new Outcome(null, FailureKind.Error),
        1 => new Outcome(null, FailureKind.Timeout),
        _ => new Outcome("96", FailureKind.Declined),
    };

    private static readonly string[] _customerCodes = ["51", "05", "N7", "54", "14", "57", "59"];

    public static Outcome Customer(Random rng) => new(_customerCodes[rng.Next(_customerCodes.Length)], FailureKind.Declined);
}
