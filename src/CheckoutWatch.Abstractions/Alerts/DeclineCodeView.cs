namespace CheckoutWatch.Abstractions.Alerts;

/// <summary>A decline code seen in the incident, how often, and its class.</summary>
[GenerateSerializer, Immutable]
public sealed record DeclineCodeView(
    [property: Id(0)] string Code,
    [property: Id(1)] int Count,
    [property: Id(2)] string Class);
