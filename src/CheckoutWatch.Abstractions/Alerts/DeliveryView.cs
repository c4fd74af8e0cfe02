namespace CheckoutWatch.Abstractions.Alerts;

/// <summary>One notification to one target: its idempotency key, event, state (pending, delivered, failed) and attempts.</summary>
[GenerateSerializer, Immutable]
public sealed record DeliveryView(
    [property: Id(0)] string Key,
    [property: Id(1)] string Target,
    [property: Id(2)] string Event,
    [property: Id(3)] string State,
    [property: Id(4)] int Attempts,
    [property: Id(5)] DateTimeOffset? NextAttemptAt,
    [property: Id(6)] string? LastError);
