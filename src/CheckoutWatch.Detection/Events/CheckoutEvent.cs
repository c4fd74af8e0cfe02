namespace CheckoutWatch.Detection.Events;

/// <summary>
/// One validated checkout event. Payment fields are set on payment events only; failure fields
/// on <see cref="CheckoutEventType.PaymentFailed"/> only.
/// </summary>
public sealed record CheckoutEvent(
    string EventId,
    string MerchantId,
    string SessionId,
    CheckoutEventType Type,
    DateTimeOffset OccurredAt)
{
    public long? AmountMinor { get; init; }
    public string? Currency { get; init; }
    public string? Psp { get; init; }
    public string? PaymentMethod { get; init; }
    public string? CardNetwork { get; init; }
    public string? DeclineCode { get; init; }
    public FailureKind FailureKind { get; init; }
    public string? Country { get; init; }
    public CustomerInfo? Customer { get; init; }

    public bool IsPaymentEvent => Type is CheckoutEventType.PaymentSubmitted
        or CheckoutEventType.PaymentActionRequired
        or CheckoutEventType.PaymentSucceeded
        or CheckoutEventType.PaymentFailed;
}
