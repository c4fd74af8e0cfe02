namespace CheckoutWatch.Abstractions.Grains;

/// <summary>A read-only picture of one session.</summary>
[GenerateSerializer, Immutable]
public sealed record SessionView(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] string SessionId,
    [property: Id(2)] string PaymentState,
    [property: Id(3)] bool Started,
    [property: Id(4)] bool Completed,
    [property: Id(5)] bool Abandoned,
    [property: Id(6)] int EventCount,
    [property: Id(7)] int PaymentAttempts,
    [property: Id(8)] int FailedAttempts,
    [property: Id(9)] int SuccessfulPayments,
    [property: Id(10)] long? AmountMinor,
    [property: Id(11)] string? Currency,
    [property: Id(12)] string? Psp,
    [property: Id(13)] DateTimeOffset? StuckDeadline);
