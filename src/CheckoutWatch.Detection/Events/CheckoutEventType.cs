namespace CheckoutWatch.Detection.Events;

/// <summary>The kinds of checkout event in the ingest contract (wire names are snake_case).</summary>
public enum CheckoutEventType
{
    CheckoutStarted = 0,
    PaymentSubmitted = 1,
    /// <summary>3-D Secure challenge or redirect pending.</summary>
    PaymentActionRequired = 2,
    PaymentSucceeded = 3,
    PaymentFailed = 4,
    CheckoutCompleted = 5,
    CheckoutAbandoned = 6,
}
