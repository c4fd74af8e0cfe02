namespace CheckoutWatch.Abstractions.Alerts;

/// <summary>Knowledge-base guidance for the incident's dominant decline code or failure kind.</summary>
[GenerateSerializer, Immutable]
public sealed record GuidanceView(
    [property: Id(0)] string? Code,
    [property: Id(1)] string Meaning,
    [property: Id(2)] string WhoActs,
    [property: Id(3)] bool Technical,
    [property: Id(4)] string AgentGuidance,
    [property: Id(5)] string NeverSay,
    [property: Id(6)] string? InternalGuidance,
    [property: Id(7)] string RetryAdvice);
