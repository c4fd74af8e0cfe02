namespace CheckoutWatch.Abstractions.Alerts;

/// <summary>
/// How the alert's notifications fare: <see cref="State"/> is <c>delivered</c> (all sent),
/// <c>pending</c> (sending), <c>retrying</c> (an attempt failed, another is scheduled) or
/// <c>failed</c> (at least one notification was given up).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DeliveryStatusView(
    [property: Id(0)] string State,
    [property: Id(1)] int Delivered,
    [property: Id(2)] int Pending,
    [property: Id(3)] int Failed,
    [property: Id(4)] string? LastError)
{
    public const string DeliveredState = "delivered";
    public const string PendingState = "pending";
    public const string RetryingState = "retrying";
    public const string FailedState = "failed";
}
